import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = new URL("../../", import.meta.url).pathname;

/** PATH with this Node (node@24) first, as `actions/setup-node` or a user's Node 24 install gives it. */
export function pathWithThisNode(): string {
  return `${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`;
}

/** `npm pack` of the checkout (its prepack builds dist/) into `folder`: the tarball's full path. */
export function packTarball(folder: string): string {
  const pack = spawnSync("npm", ["pack", "--json", "--pack-destination", folder], {
    cwd: root,
    encoding: "utf8",
    timeout: 300_000,
    env: { ...process.env, PATH: pathWithThisNode() },
  });
  assert.equal(pack.status, 0, pack.stderr);
  const [{ filename }] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf("["))) as [{ filename: string }];
  return path.join(folder, filename);
}
