import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { once } from "node:events";
import { describe, it } from "node:test";
import { fetch } from "../api/app-harness.ts";

const MAIN = new URL("../../src/interfaces/server/main.ts", import.meta.url).pathname;

describe("npm start (src/interfaces/server/main.ts)", () => {
  it("serves the product on the port asked, and stops cleanly on SIGTERM", async () => {
    const child = spawn(process.execPath, [MAIN, "--port", "0", "--host", "127.0.0.1"], {
      env: { ...process.env, AMIHACKABLE_DB: ":memory:" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    try {
      let log = "";
      const url = await new Promise<string>((resolve, reject) => {
        child.stderr.on("data", (chunk: Buffer) => {
          log += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(log);
          if (match) resolve(match[1]!);
        });
        child.once("exit", (code) => reject(new Error(`exited with ${code}: ${log}`)));
      });
      const home = await fetch(`${url}/`);
      assert.equal(home.status, 200);
      assert.match(await home.text(), /See what an attacker sees/);
      child.kill("SIGTERM");
      const [code] = (await once(child, "exit")) as [number | null];
      assert.equal(code, 0);
    } finally {
      if (child.exitCode === null) child.kill("SIGKILL");
    }
  });

  it("refuses a bad setting with a message and exit code 2", async () => {
    const child = spawn(process.execPath, [MAIN, "--port", "http"], { stdio: ["ignore", "ignore", "pipe"] });
    let log = "";
    child.stderr.on("data", (chunk: Buffer) => (log += chunk.toString()));
    const [code] = (await once(child, "exit")) as [number | null];
    assert.equal(code, 2);
    assert.match(log, /port must be a whole number/);
  });
});
