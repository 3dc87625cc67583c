import { Redis } from "ioredis";

/** A queue that cannot be used, said in one sentence (the server and worker print it and stop). */
export class QueueError extends Error {}

/** The names a deployment's queue lives under in Redis; servers and workers must agree on them. */
export interface RedisQueueSettings {
  /** redis://HOST:PORT (or rediss:// for TLS), optionally with a user, password and database number. */
  url: string;
  /** Key and channel prefix: two deployments (or test files) can share one Redis. */
  prefix: string;
  /** How long to wait for Redis at start before giving up with a sentence (ms). */
  connectTimeoutMs?: number;
}

export const DEFAULT_QUEUE_PREFIX = "amihackable";

/** A redis:// or rediss:// URL, or a sentence saying what is wrong with it. */
export function checkRedisUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new QueueError(`--queue takes a redis:// URL, and "${redactRedisUrl(url)}" is not a URL`);
  }
  if (parsed.protocol !== "redis:" && parsed.protocol !== "rediss:")
    throw new QueueError(`--queue takes a redis:// URL, not a ${parsed.protocol}// URL`);
  return url;
}

/**
 * Connects once, within the timeout, and answers a connection for BullMQ (which wants commands to wait
 * for a reconnect, not fail, once running). Unreachable: a QueueError naming the address.
 */
export async function connectRedis(settings: RedisQueueSettings): Promise<Redis> {
  const url = checkRedisUrl(settings.url);
  const probe = new Redis(url, {
    lazyConnect: true,
    connectTimeout: settings.connectTimeoutMs ?? 5_000,
    // A port that accepts and never answers must not hang the start either.
    commandTimeout: settings.connectTimeoutMs ?? 5_000,
    maxRetriesPerRequest: 0,
    enableOfflineQueue: false,
    // Connected means the socket is open; the PING (under commandTimeout) then proves Redis answers.
    enableReadyCheck: false,
    retryStrategy: () => null,
  });
  // ioredis rejects with "Connection is closed."; the cause comes as an error event.
  let cause: unknown;
  probe.on("error", (error: unknown) => (cause ??= error));
  try {
    await probe.connect();
    await probe.ping();
  } catch (error) {
    throw new QueueError(`cannot reach Redis at ${redactRedisUrl(url)}: ${reason(cause ?? error)}`);
  } finally {
    probe.disconnect();
  }
  const connection = new Redis(url, {
    maxRetriesPerRequest: null,
    connectTimeout: settings.connectTimeoutMs ?? 5_000,
  });
  connection.on("error", (error: Error) => console.error(`Redis: ${error.message}`));
  return connection;
}

/** redis://:secret@host → redis://:***@host: passwords never reach logs. */
export function redactRedisUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = "***";
    return parsed.toString();
  } catch {
    return url.replace(/\/\/([^:/@]*):[^@]*@/, "//$1:***@");
  }
}

function reason(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  if (code === "ECONNREFUSED" || /ECONNREFUSED/.test(message))
    return "nothing answers there (connection refused)";
  if (/timeout|timed out/i.test(message)) return "it did not answer in time";
  if (/NOAUTH|WRONGPASS/i.test(message)) return "it refused the credentials";
  return message || code || "unknown error";
}

/** The BullMQ queue's name; the prefix keeps deployments apart. */
export const QUEUE_NAME = "scans";

/** The pub/sub channel live events travel on from the workers to every server. */
export function eventsChannel(prefix: string): string {
  return `${prefix}:scan-events`;
}

/** A job id per scan: adding the same scan twice (a restart re-adding waiting scans) adds it once. */
export function jobIdFor(scanId: string): string {
  return `scan-${scanId}`;
}

/** What a job carries: only the id; the store holds the request. */
export interface ScanJobData {
  scanId: string;
}
