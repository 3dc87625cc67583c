#!/usr/bin/env node
// Plain JavaScript that old Node versions can parse (no static import, no top-level await, no syntax
// newer than ES2017): the version check below runs before anything modern is loaded, so an unsupported
// Node prints one sentence instead of a stack trace.
var SUPPORTED = "Node.js 22.19 or a later 22, or Node.js 24 or later";
var version = process.versions.node.split(".").map(Number);
var major = version[0];
var minor = version[1];
if (!(major >= 24 || (major === 22 && minor >= 19))) {
  process.stderr.write(
    "amihackable needs " + SUPPORTED + "; this is Node.js " + process.versions.node + ".\n",
  );
  process.exit(2);
}

// A checkout runs its TypeScript sources (Node strips the types); the installed package has no src/ and
// runs the JavaScript that `npm pack` built into dist/.
var sources = new URL("../src/interfaces/cli/main.ts", import.meta.url);
var built = new URL("../dist/cli.js", import.meta.url);

import("node:module")
  .then(function (module) {
    // Keeps compiled modules between runs in the OS temporary folder: later starts skip compiling again.
    if (module.default.enableCompileCache) module.default.enableCompileCache();
    return import("node:fs");
  })
  .then(function (fs) {
    return import(fs.existsSync(sources) ? sources.href : built.href);
  })
  .then(function (cli) {
    return cli.main(process.argv.slice(2));
  })
  .then(function (code) {
    process.exitCode = code;
  });
