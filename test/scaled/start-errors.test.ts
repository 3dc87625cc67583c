import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { createServer, type Server, type Socket } from "node:net";
import { after, before, describe, it } from "node:test";
import { freePort, testPostgres, type TestService } from "../support/services.ts";

const SERVER = new URL("../../src/interfaces/server/main.ts", import.meta.url).pathname;
const CLI = new URL("../../src/interfaces/cli/main.ts", import.meta.url).pathname;

/** Runs a program to its end: exit code and what it wrote to stderr. */
function run(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn(process.execPath, args, { stdio: ["ignore", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.once("exit", (code) => resolve({ code, stderr })));
}

/** A loopback port that accepts connections and never says a word (a hung service). */
async function silentPort(): Promise<{ port: number; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => sockets.add(socket));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    port: (server.address() as { port: number }).port,
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Each test starts processes: on a loaded machine a start alone can take many seconds. */
/** Each test starts processes: on a loaded machine a start alone can take many seconds. */
const BOUND = { timeout: 300_000 };

describe(
  "a scaled server or worker that cannot reach its services says so in one sentence",
  { timeout: 600_000 },
  () => {
    let postgres: TestService;
    let silent: Awaited<ReturnType<typeof silentPort>>;
    before(async () => {
      [postgres, silent] = await Promise.all([testPostgres(), silentPort()]);
    });
    after(async () => Promise.all([postgres.close(), silent.close()]));

    it("server: Redis refuses the connection", BOUND, async () => {
      const port = await freePort();
      const { code, stderr } = await run([
        SERVER,
        "--port",
        "0",
        "--db",
        ":memory:",
        "--queue",
        `redis://127.0.0.1:${port}`,
      ]);
      assert.equal(code, 2);
      assert.equal(
        stderr,
        `amihackable: cannot reach Redis at redis://127.0.0.1:${port}: nothing answers there (connection refused)\n`,
      );
    });

    it("server: PostgreSQL refuses the connection (the password is not printed)", BOUND, async () => {
      const port = await freePort();
      const { code, stderr } = await run([
        SERVER,
        "--port",
        "0",
        "--db",
        `postgres://scanner:hunter2@127.0.0.1:${port}/scans`,
      ]);
      assert.equal(code, 2);
      assert.equal(
        stderr,
        `amihackable: cannot use the PostgreSQL database at postgres://scanner:***@127.0.0.1:${port}/scans: nothing answers there (connection refused)\n`,
      );
    });

    it(
      "server: a Redis and a PostgreSQL that accept but never answer are given up on in bounded time",
      BOUND,
      async () => {
        const [redis, pg] = await Promise.all([
          run([SERVER, "--port", "0", "--db", ":memory:", "--queue", `redis://127.0.0.1:${silent.port}`]),
          run([SERVER, "--port", "0", "--db", `postgres://scanner@127.0.0.1:${silent.port}/scans`]),
        ]);
        assert.equal(redis.code, 2);
        assert.equal(
          redis.stderr,
          `amihackable: cannot reach Redis at redis://127.0.0.1:${silent.port}: it did not answer in time\n`,
        );
        assert.equal(pg.code, 2);
        assert.equal(
          pg.stderr,
          `amihackable: cannot use the PostgreSQL database at postgres://scanner@127.0.0.1:${silent.port}/scans: it did not answer in time\n`,
        );
      },
    );

    it("server: URLs of the wrong kind", BOUND, async () => {
      const queue = await run([
        SERVER,
        "--port",
        "0",
        "--db",
        ":memory:",
        "--queue",
        "http://127.0.0.1:6379",
      ]);
      assert.equal(queue.code, 2);
      assert.equal(queue.stderr, "amihackable: --queue takes a redis:// URL, not a http:// URL\n");
      const db = await run([SERVER, "--port", "0", "--db", "mysql://127.0.0.1/scans"]);
      assert.equal(db.code, 2);
      assert.equal(
        db.stderr,
        "amihackable: --db takes a file path for SQLite or a postgres:// URL, not a mysql:// URL\n",
      );
    });

    it("worker: Redis refuses the connection while PostgreSQL answers", BOUND, async () => {
      const port = await freePort();
      const { code, stderr } = await run([
        CLI,
        "worker",
        "--queue",
        `redis://127.0.0.1:${port}`,
        "--db",
        postgres.url,
      ]);
      assert.equal(code, 2);
      assert.equal(
        stderr,
        `amihackable: cannot reach Redis at redis://127.0.0.1:${port}: nothing answers there (connection refused)\n`,
      );
    });

    it("worker: no queue or database named", BOUND, async () => {
      const noQueue = await run([CLI, "worker", "--db", postgres.url]);
      assert.equal(noQueue.code, 2);
      assert.equal(
        noQueue.stderr,
        "amihackable: the worker needs --queue redis://HOST:PORT (or AMIHACKABLE_QUEUE)\n",
      );
      const noDb = await run([CLI, "worker", "--queue", "redis://127.0.0.1:6379"]);
      assert.equal(noDb.code, 2);
      assert.match(noDb.stderr, /^amihackable: the worker needs --db postgres:\/\/USER@HOST:PORT\/DB/);
    });
  },
);
