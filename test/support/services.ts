import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import pg from "pg";

/**
 * The real Redis and PostgreSQL the scaled-mode tests run against, never mocks. CI (.ci/run) starts one
 * of each and names them in AMIHACKABLE_TEST_REDIS / AMIHACKABLE_TEST_PG; without those, each test file
 * starts its own on loopback with a throwaway directory, so `npm test` works on a developer's machine
 * too. Missing programs fail the test with the Debian packages to install (no skipping).
 */
export interface TestService {
  /** redis://127.0.0.1:PORT, or postgres://postgres@127.0.0.1:PORT/DB (a database of its own). */
  url: string;
  close(): Promise<void>;
}

/** A Redis server for one test file; BullMQ queues keep apart by prefix when one server is shared. */
export async function testRedis(): Promise<TestService> {
  const shared = process.env.AMIHACKABLE_TEST_REDIS;
  if (shared) return { url: shared, close: async () => undefined };
  const binary = findBinary("redis-server", ["/usr/bin/redis-server", "/usr/local/bin/redis-server"]);
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "amihackable-redis-"));
  const child = spawn(
    binary,
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", dir],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  await readyLine(child, /Ready to accept connections/, "redis-server");
  return {
    url: `redis://127.0.0.1:${port}`,
    close: async () => {
      await stop(child, "SIGTERM");
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh PostgreSQL database for one test file (on the shared server, or on a server of its own). */
export async function testPostgres(): Promise<TestService> {
  const shared = process.env.AMIHACKABLE_TEST_PG;
  if (shared) return freshDatabase(shared, async () => undefined);
  const bin = postgresBin();
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "amihackable-pg-"));
  // PostgreSQL refuses to run as root: as root (CI containers), it runs as the postgres user.
  const asRoot = userInfo().uid === 0;
  if (asRoot) {
    const { uid, gid } = postgresUser();
    chownSync(dir, uid, gid);
  }
  const run = (program: string, args: string[]) =>
    asRoot
      ? spawn("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", program, ...args], {
          stdio: ["ignore", "pipe", "pipe"],
        })
      : spawn(program, args, { stdio: ["ignore", "pipe", "pipe"] });
  const data = join(dir, "data");
  const init = run(join(bin, "initdb"), [
    "-D",
    data,
    "-U",
    "postgres",
    "-A",
    "trust",
    "-E",
    "UTF8",
    "--no-sync",
  ]);
  const output: string[] = [];
  init.stderr.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  const code = await new Promise<number | null>((resolve) => init.on("exit", resolve));
  if (code !== 0) throw new Error(`initdb failed (${code}): ${output.join("").slice(-500)}`);
  const server = run(join(bin, "postgres"), [
    "-D",
    data,
    "-p",
    String(port),
    "-k",
    dir,
    "-c",
    "listen_addresses=127.0.0.1",
    "-c",
    "fsync=off",
    "-c",
    "full_page_writes=off",
  ]);
  await readyLine(server, /ready to accept connections/, "postgres");
  return freshDatabase(`postgres://postgres@127.0.0.1:${port}/postgres`, async () => {
    await stop(server, "SIGINT");
    rmSync(dir, { recursive: true, force: true });
  });
}

/** A database of its own on the server, dropped at the end: test files sharing a server stay apart. */
async function freshDatabase(serverUrl: string, stopServer: () => Promise<void>): Promise<TestService> {
  const name = `amihackable_test_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    close: async () => {
      const cleanup = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5_000 });
      await cleanup.connect();
      await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await cleanup.end();
      await stopServer();
    },
  };
}

/** A port nothing listens on (for the "unreachable" tests, and for servers the tests start). */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

function findBinary(name: string, candidates: string[]): string {
  const found = candidates.find((path) => existsSync(path));
  if (!found)
    throw new Error(
      `${name} is not installed: install Debian's redis-server and postgresql packages (apt-get install redis-server postgresql), or set AMIHACKABLE_TEST_REDIS and AMIHACKABLE_TEST_PG to running servers`,
    );
  return found;
}

function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions
    .map((version) => join(root, version, "bin"))
    .find((dir) => existsSync(join(dir, "initdb")));
  return bin ?? findBinary("PostgreSQL's initdb", []);
}

function postgresUser(): { uid: number; gid: number } {
  const line = readFileSync("/etc/passwd", "utf8")
    .split("\n")
    .find((entry) => entry.startsWith("postgres:"));
  if (!line) throw new Error("there is no postgres user: install Debian's postgresql package");
  const [, , uid, gid] = line.split(":");
  return { uid: Number(uid), gid: Number(gid) };
}

/** Resolves when the program prints its ready line; rejects with its output when it exits first. */
function readyLine(child: ChildProcess, ready: RegExp, name: string): Promise<void> {
  return new Promise((resolve, reject) => {
    let seen = "";
    // Output is read to the end (a full pipe would block the server); only the start is kept.
    const onData = (chunk: Buffer) => {
      if (seen.length > 20_000) return;
      seen += chunk.toString();
      if (ready.test(seen)) resolve();
    };
    child.stdout!.on("data", onData);
    child.stderr!.on("data", onData);
    child.once("exit", (code) =>
      reject(new Error(`${name} exited (${code}) before it was ready: ${seen.slice(-500)}`)),
    );
    process.once("exit", () => child.kill("SIGKILL"));
  });
}

async function stop(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  child.kill(signal);
  await exited;
}
