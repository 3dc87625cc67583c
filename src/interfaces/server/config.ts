import ipaddr from "ipaddr.js";
import { parseDnsServer, type DnsServerAddress } from "../../http/index.ts";
import { checkRedisUrl, QueueError } from "../../queue/index.ts";
import { StoreError, storeKind } from "../../store/index.ts";

/** A client's allowance: a burst of `capacity`, given back at `refillPerSecond`. */
export interface BucketSettings {
  /** Most requests in a burst. */
  capacity: number;
  /** Allowance given back per second. */
  refillPerSecond: number;
}

/**
 * The allowance in @fastify/rate-limit's terms: `max` tokens given back over `timeWindow` (5 scans a
 * minute: 5 per 60 s; 120 requests at 10 a second: 120 per 12 s). The token bucket store
 * (token-bucket-store.ts) hands them back steadily, so a burst is never larger than `capacity`.
 */
export function rateWindow(settings: BucketSettings): { max: number; timeWindow: number } {
  const max = Math.max(1, Math.floor(settings.capacity));
  return { max, timeWindow: Math.max(1, Math.round((max / settings.refillPerSecond) * 1000)) };
}

/** Everything an operator can set. Every field has an embedded default: `npm start` needs nothing. */
export interface ServerConfig {
  port: number;
  /** Interface to listen on; undefined listens on all (as most servers do, and as a container needs). */
  host: string | undefined;
  /** SQLite file, ":memory:", or a postgres:// URL (the scaled mode's shared database). */
  databasePath: string;
  /** redis://HOST:PORT: scans go on a BullMQ queue run by `amihackable worker` processes; null: in-process. */
  queueUrl: string | null;
  /** Prefix of the queue's keys and channels in Redis (deployments sharing one Redis keep apart). */
  queuePrefix: string;
  /** Addresses or CIDR ranges scans may reach although they are not public (tests, a staging LAN). */
  allowAddresses: string[];
  /** Lets strangers scan ports other than 80/443. Off: a public scanner must not become a port scanner. */
  allowNonDefaultPorts: boolean;
  /**
   * Where every DNS question of every scan goes (AMIHACKABLE_DNS_SERVER=ADDR[:PORT]); null: the system
   * resolver. The operator's choice only: the API never lets a client name a DNS server.
   */
  dnsServer: DnsServerAddress | null;
  /** Scans running at once. */
  concurrency: number;
  /** Scans allowed to wait in line. */
  maxWaiting: number;
  /** Scans one client may have waiting at once (its fair share of the line). */
  maxWaitingPerClient: number;
  /** Sites one batch may list (and scans one client may have waiting through batches). */
  maxBatchSize: number;
  /**
   * Asking again for a URL with the same options within this many seconds of a finished scan returns
   * that scan instead of scanning again (0: never); a scan of it still waiting or running is always joined.
   */
  reuseSeconds: number;
  /** Honour X-Forwarded-For / X-Forwarded-Proto from a reverse proxy in front of us. */
  trustProxy: boolean;
  /** The address people reach us at (for badge snippets); derived from the Host header when unset. */
  publicUrl: string | null;
  /** Scans one client may start: a burst, then a steady rate. */
  scanRate: BucketSettings;
  /** Requests of any kind one client may send. */
  requestRate: BucketSettings;
  bodyLimitBytes: number;
}

export const DEFAULT_CONFIG: ServerConfig = {
  port: 3000,
  host: undefined,
  databasePath: "data/amihackable.db",
  queueUrl: null,
  queuePrefix: "amihackable",
  allowAddresses: [],
  allowNonDefaultPorts: false,
  dnsServer: null,
  concurrency: 2,
  maxWaiting: 100,
  maxWaitingPerClient: 10,
  maxBatchSize: 100,
  reuseSeconds: 60,
  trustProxy: false,
  publicUrl: null,
  scanRate: { capacity: 5, refillPerSecond: 5 / 60 },
  requestRate: { capacity: 120, refillPerSecond: 10 },
  bodyLimitBytes: 16 * 1024,
};

export class ConfigError extends Error {}

/** `npm start -- --help`: every option and setting loadConfig reads, with the defaults above. */
export const SERVER_HELP = `Usage: npm start -- [--port N] [--host ADDRESS] [--db FILE|URL] [--queue URL]

The amihackable web app and API. Options (each also an environment variable):
  -p, --port N      port to listen on (PORT; default ${DEFAULT_CONFIG.port})
  --host ADDRESS    interface to listen on (HOST; default: all)
  --db FILE|URL     SQLite file, :memory: to keep nothing, or postgres://USER@HOST:PORT/DB
                    (AMIHACKABLE_DB; default ${DEFAULT_CONFIG.databasePath})
  --queue URL       redis://HOST:PORT: queue scans on BullMQ for \`amihackable worker\` processes
                    (AMIHACKABLE_QUEUE; default: scans run in this process)
  -h, --help        show this help

Settings (environment):
  AMIHACKABLE_ALLOW_ADDRESSES       addresses or CIDR ranges scans may reach although they are not public
                                    (e.g. AMIHACKABLE_ALLOW_ADDRESSES=127.0.0.1,10.0.0.0/8 to scan a local or LAN site)
  AMIHACKABLE_ALLOW_NON_DEFAULT_PORTS=1  let scans reach ports other than 80 and 443
  AMIHACKABLE_DNS_SERVER            send every DNS lookup of the scans to this ADDR[:PORT] (default: the system resolver)
  AMIHACKABLE_CONCURRENCY           scans running at once (default ${DEFAULT_CONFIG.concurrency})
  AMIHACKABLE_MAX_QUEUE             scans allowed to wait (default ${DEFAULT_CONFIG.maxWaiting})
  AMIHACKABLE_MAX_QUEUE_PER_CLIENT  scans one client may have waiting (default ${DEFAULT_CONFIG.maxWaitingPerClient})
  AMIHACKABLE_REUSE_SECONDS         reuse a scan of the same URL finished this recently (default ${DEFAULT_CONFIG.reuseSeconds})
  AMIHACKABLE_MAX_BATCH             sites one batch may list (default ${DEFAULT_CONFIG.maxBatchSize})
  AMIHACKABLE_QUEUE_PREFIX          keeps two deployments apart on one Redis (default ${DEFAULT_CONFIG.queuePrefix})
  AMIHACKABLE_SCANS_PER_MINUTE      scans one client may start (default 5)
  AMIHACKABLE_TRUST_PROXY=1         use the reverse proxy's forwarded client address and https flag
  AMIHACKABLE_PUBLIC_URL            the address people reach this server at (for badge snippets)
`;

/** True when the command line asks for help rather than a server. */
export function wantsHelp(argv: readonly string[]): boolean {
  return argv.some((arg) => arg === "--help" || arg === "-h");
}

/**
 * Reads the environment and the command line (`--port 8080`, `--host`, `--db`, `--queue`), command line
 * first.
 *   PORT, HOST, AMIHACKABLE_DB, AMIHACKABLE_QUEUE, AMIHACKABLE_QUEUE_PREFIX, AMIHACKABLE_ALLOW_ADDRESSES (comma-separated addresses or CIDRs),
 *   AMIHACKABLE_ALLOW_NON_DEFAULT_PORTS=1, AMIHACKABLE_CONCURRENCY, AMIHACKABLE_MAX_QUEUE,
 *   AMIHACKABLE_TRUST_PROXY=1, AMIHACKABLE_PUBLIC_URL, AMIHACKABLE_SCANS_PER_MINUTE,
 *   AMIHACKABLE_MAX_QUEUE_PER_CLIENT, AMIHACKABLE_REUSE_SECONDS, AMIHACKABLE_MAX_BATCH,
 *   AMIHACKABLE_DNS_SERVER (ADDR[:PORT])
 */
export function loadConfig(env: NodeJS.ProcessEnv, argv: readonly string[]): ServerConfig {
  const args = parseArgs(argv);
  const config: ServerConfig = { ...DEFAULT_CONFIG };
  const port = args.port ?? env.PORT;
  if (port !== undefined && port !== "") config.port = integer("port", port, 0, 65_535);
  const host = args.host ?? env.HOST;
  if (host) config.host = host;
  const db = args.db ?? env.AMIHACKABLE_DB;
  if (db) config.databasePath = checkDatabase(db);
  const queue = args.queue ?? env.AMIHACKABLE_QUEUE;
  if (queue) config.queueUrl = checkQueue(queue);
  if (env.AMIHACKABLE_QUEUE_PREFIX) config.queuePrefix = env.AMIHACKABLE_QUEUE_PREFIX;
  if (env.AMIHACKABLE_ALLOW_ADDRESSES)
    config.allowAddresses = parseAllowlist(env.AMIHACKABLE_ALLOW_ADDRESSES);
  config.allowNonDefaultPorts = flag(env.AMIHACKABLE_ALLOW_NON_DEFAULT_PORTS);
  config.trustProxy = flag(env.AMIHACKABLE_TRUST_PROXY);
  if (env.AMIHACKABLE_DNS_SERVER) {
    try {
      config.dnsServer = parseDnsServer(env.AMIHACKABLE_DNS_SERVER);
    } catch (error) {
      throw new ConfigError(`AMIHACKABLE_DNS_SERVER: ${(error as Error).message}`);
    }
  }
  if (env.AMIHACKABLE_CONCURRENCY)
    config.concurrency = integer("AMIHACKABLE_CONCURRENCY", env.AMIHACKABLE_CONCURRENCY, 1, 32);
  if (env.AMIHACKABLE_MAX_QUEUE)
    config.maxWaiting = integer("AMIHACKABLE_MAX_QUEUE", env.AMIHACKABLE_MAX_QUEUE, 1, 100_000);
  if (env.AMIHACKABLE_MAX_QUEUE_PER_CLIENT)
    config.maxWaitingPerClient = integer(
      "AMIHACKABLE_MAX_QUEUE_PER_CLIENT",
      env.AMIHACKABLE_MAX_QUEUE_PER_CLIENT,
      1,
      100_000,
    );
  if (env.AMIHACKABLE_MAX_BATCH)
    config.maxBatchSize = integer("AMIHACKABLE_MAX_BATCH", env.AMIHACKABLE_MAX_BATCH, 1, 1000);
  if (env.AMIHACKABLE_REUSE_SECONDS)
    config.reuseSeconds = integer("AMIHACKABLE_REUSE_SECONDS", env.AMIHACKABLE_REUSE_SECONDS, 0, 86_400);
  if (env.AMIHACKABLE_SCANS_PER_MINUTE) {
    const perMinute = integer("AMIHACKABLE_SCANS_PER_MINUTE", env.AMIHACKABLE_SCANS_PER_MINUTE, 1, 100_000);
    config.scanRate = { capacity: Math.max(1, Math.min(perMinute, 20)), refillPerSecond: perMinute / 60 };
  }
  if (env.AMIHACKABLE_PUBLIC_URL) {
    try {
      const url = new URL(env.AMIHACKABLE_PUBLIC_URL);
      config.publicUrl = url.origin;
    } catch {
      throw new ConfigError(`AMIHACKABLE_PUBLIC_URL is not a URL: ${env.AMIHACKABLE_PUBLIC_URL}`);
    }
  }
  return config;
}

/** "127.0.0.1, 10.0.0.0/8, ::1" → entries that publicOnlyGuard accepts; a typo is an error, not ignored. */
export function parseAllowlist(text: string): string[] {
  const entries = text
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  for (const entry of entries) {
    const valid = entry.includes("/") ? isCidr(entry) : ipaddr.isValid(entry);
    if (!valid)
      throw new ConfigError(`AMIHACKABLE_ALLOW_ADDRESSES: "${entry}" is not an address or CIDR range`);
  }
  return entries;
}

function isCidr(entry: string): boolean {
  try {
    ipaddr.parseCIDR(entry);
    return true;
  } catch {
    return false;
  }
}

/** A file path or a postgres:// URL; another scheme is a sentence, not a file named "mysql:". */
export function checkDatabase(location: string): string {
  try {
    storeKind(location);
  } catch (error) {
    if (error instanceof StoreError) throw new ConfigError(error.message);
    throw error;
  }
  return location;
}

/** A redis:// URL, or a sentence saying what is wrong. */
export function checkQueue(url: string): string {
  try {
    return checkRedisUrl(url);
  } catch (error) {
    if (error instanceof QueueError) throw new ConfigError(error.message);
    throw error;
  }
}

function parseArgs(argv: readonly string[]): { port?: string; host?: string; db?: string; queue?: string } {
  const out: { port?: string; host?: string; db?: string; queue?: string } = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [name, inline] = arg.includes("=")
      ? [arg.slice(0, arg.indexOf("=")), arg.slice(arg.indexOf("=") + 1)]
      : [arg, undefined];
    const key =
      name === "--port" || name === "-p"
        ? "port"
        : name === "--host"
          ? "host"
          : name === "--db"
            ? "db"
            : name === "--queue"
              ? "queue"
              : null;
    if (!key) throw new ConfigError(`unknown option ${name} (known: --port, --host, --db, --queue, --help)`);
    const value = inline ?? argv[++i];
    if (value === undefined) throw new ConfigError(`${name} needs a value`);
    out[key] = value;
  }
  return out;
}

function integer(name: string, value: string, min: number, max: number): number {
  const number = Number(value);
  if (!Number.isInteger(number) || number < min || number > max)
    throw new ConfigError(`${name} must be a whole number from ${min} to ${max}, not "${value}"`);
  return number;
}

function flag(value: string | undefined): boolean {
  return value === "1" || value?.toLowerCase() === "true" || value?.toLowerCase() === "yes";
}
