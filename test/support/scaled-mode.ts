import { type ChildProcess, spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import type { AddressInfo } from "node:net";
import http from "node:http";
import { RedisScanLine } from "../../src/queue/index.ts";
import { PostgresScanStore } from "../../src/store/index.ts";
import { loopbackScanning, startApp, type RunningApp } from "../api/app-harness.ts";
import { testPostgres, testRedis, type TestService } from "./services.ts";

const CLI = new URL("../../src/interfaces/cli/main.ts", import.meta.url).pathname;

/** A worker process (`amihackable worker`) whose log lines the test reads to know what it is doing. */
export interface WorkerProcess {
  child: ChildProcess;
  lines: string[];
  /** Scans this worker started and has not said it finished. */
  running(): string[];
  /** Ids this worker recorded as done ("finished ID done"). */
  recorded(): string[];
  /** Resolves when a log line (or the whole log) satisfies the predicate; rejects if the process ends first. */
  waitFor(predicate: (lines: string[]) => boolean): Promise<void>;
  /** Hears each new log line (for `until`). */
  onLine: (listener: () => void) => () => void;
  exited: Promise<number | null>;
}

export function startWorker(
  settings: { queue: string; db: string; prefix: string },
  extra: string[] = [],
): WorkerProcess {
  const child = spawn(
    process.execPath,
    [
      CLI,
      "worker",
      "--queue",
      settings.queue,
      "--db",
      settings.db,
      "--prefix",
      settings.prefix,
      "--concurrency",
      "2",
      // A killed worker's scans are noticed in about two seconds, not BullMQ's default thirty.
      "--lock-ms",
      "2000",
      "--stalled-check-ms",
      "1000",
      ...extra,
    ],
    {
      stdio: ["ignore", "ignore", "pipe"],
      env: {
        ...process.env,
        AMIHACKABLE_ALLOW_ADDRESSES: "127.0.0.1",
        AMIHACKABLE_ALLOW_NON_DEFAULT_PORTS: "1",
      },
    },
  );
  const lines: string[] = [];
  const watchers = new Set<() => void>();
  let buffer = "";
  child.stderr.on("data", (chunk: Buffer) => {
    buffer += chunk.toString();
    let end: number;
    while ((end = buffer.indexOf("\n")) !== -1) {
      lines.push(buffer.slice(0, end));
      buffer = buffer.slice(end + 1);
    }
    for (const watcher of [...watchers]) watcher();
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  process.once("exit", () => child.kill("SIGKILL"));
  const field = (prefix: string, line: string) => (line.startsWith(prefix) ? line.split(" ")[1] : undefined);
  return {
    child,
    lines,
    running: () => {
      const started = lines.map((line) => field("started ", line)).filter((id) => id !== undefined);
      const finished = new Set(
        lines.map((line) => field("finished ", line)).filter((id) => id !== undefined),
      );
      return started.filter((id) => !finished.has(id));
    },
    recorded: () =>
      lines.filter((line) => /^finished \S+ done$/.test(line)).map((line) => line.split(" ")[1]!),
    waitFor: (predicate) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (predicate(lines)) {
            watchers.delete(check);
            resolve();
          }
        };
        watchers.add(check);
        void exited.then((code) => {
          if (watchers.delete(check)) reject(new Error(`the worker ended (${code}): ${lines.join("\n")}`));
        });
        check();
      }),
    onLine: (listener) => {
      watchers.add(listener);
      return () => watchers.delete(listener);
    },
    exited,
  };
}

/** Redis, PostgreSQL and a server on the BullMQ line, as a scaled deployment runs them. */
export interface ScaledDeployment {
  redis: TestService;
  postgres: TestService;
  prefix: string;
  store: PostgresScanStore;
  server: RunningApp;
  settings: { queue: string; db: string; prefix: string };
  close(): Promise<void>;
}

export async function startScaledDeployment(): Promise<ScaledDeployment> {
  const [redis, postgres] = await Promise.all([testRedis(), testPostgres()]);
  const prefix = `test-${randomBytes(4).toString("hex")}`;
  const store = await PostgresScanStore.open(postgres.url);
  const config = loopbackScanning({ maxWaiting: 10_000, maxWaitingPerClient: 10_000, queuePrefix: prefix });
  const line = await RedisScanLine.open({
    url: redis.url,
    prefix,
    store,
    maxWaiting: 10_000,
    maxWaitingPerClient: 10_000,
  });
  const server = await startApp({ store, line, config });
  return {
    redis,
    postgres,
    prefix,
    store,
    server,
    settings: { queue: redis.url, db: postgres.url, prefix },
    close: async () => {
      await server.close();
      await store.close();
      await Promise.all([redis.close(), postgres.close()]);
    },
  };
}

/**
 * A farm of loopback sites for scaled scans, one server (port) per site, so a request tells which site's
 * scan sent it. `hold()` makes every site keep each new request waiting until `release()`, so a test can
 * be sure a scan is mid-way when it acts; `onHeld` hears each request held.
 */
export interface Farm {
  urls: string[];
  hold(): void;
  release(): void;
  /** Ports of the sites with a request held now. */
  heldPorts(): Set<number>;
  onHeld: (listener: () => void) => () => void;
  close(): Promise<void>;
}

export async function startFarm(count: number): Promise<Farm> {
  let holding = false;
  const waiting: Array<{ port: number; res: http.ServerResponse }> = [];
  const listeners = new Set<() => void>();
  const answer = (res: http.ServerResponse) => {
    if (res.destroyed) return;
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8" })
      .end("<!doctype html><title>farm</title><p>A site of the farm.</p>");
  };
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = http.createServer((req, res) => {
        if (!holding) return answer(res);
        waiting.push({ port: req.socket.localPort ?? 0, res });
        for (const listener of [...listeners]) listener();
      });
      await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
      return server;
    }),
  );
  return {
    urls: servers.map((server) => `http://127.0.0.1:${(server.address() as AddressInfo).port}/`),
    hold: () => (holding = true),
    release: () => {
      holding = false;
      for (const { res } of waiting.splice(0)) answer(res);
    },
    heldPorts: () => new Set(waiting.map((entry) => entry.port)),
    onHeld: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: async () => {
      for (const server of servers) server.closeAllConnections();
      await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
    },
  };
}

/** Resolves once `condition` holds, checking it again whenever one of the sources says something changed. */
export function until(
  condition: () => boolean,
  sources: Array<(listener: () => void) => () => void>,
): Promise<void> {
  return new Promise((resolve) => {
    const stops: Array<() => void> = [];
    const check = () => {
      if (!condition()) return;
      for (const stop of stops) stop();
      resolve();
    };
    for (const source of sources) stops.push(source(check));
    check();
  });
}
