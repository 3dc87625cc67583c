import net from "node:net";
import { CVSS_DATABASE_TAKEOVER } from "../cvss-vectors.ts";
import { fakeChars, join } from "../fake.ts";
import { isPlaceholder } from "../placeholder.ts";
import type { SecretRule } from "../rule.ts";

const URL_SHAPE =
  /^(?<scheme>[a-z+]+):\/\/(?<user>[^\s:@/"'`]{0,64}):(?<password>[^\s@/"'`]{1,128})@(?<host>\[[0-9a-fA-F:]+\]|[A-Za-z0-9._-]{1,253})/;

/** Passwords that documentation and docker-compose files use: a leak of these is no leak. */
const DEFAULT_PASSWORDS = new Set([
  "password",
  "pass",
  "passwd",
  "pwd",
  "secret",
  "changeme",
  "mypassword",
  "yourpassword",
  "dbpassword",
  "db_password",
  "user",
  "username",
  "root",
  "admin",
  "postgres",
  "mysql",
  "test",
  "guest",
]);

const EXAMPLE_HOSTS = /^(?:host|hostname|server|db-host|your[-_.]|example\.|.*\.example$|.*\.invalid$)/i;

function isLoopbackOrLocal(host: string): boolean {
  const bare = host.replace(/^\[|\]$/g, "").toLowerCase();
  if (bare === "localhost" || bare.endsWith(".localhost") || bare === "host.docker.internal") return true;
  if (net.isIP(bare)) return /^(?:127\.|0\.0\.0\.0$|::1$|::$)/.test(bare);
  // A single-label name (db, postgres, redis) only resolves inside a docker-compose or cluster network.
  return !bare.includes(".");
}

/** Connection strings with a real password to a host the internet can reach. */
export const databaseUrl: SecretRule = {
  name: "database-url",
  provider: "Database",
  findingId: "secret.database-url",
  keywords: ["postgres", "mysql", "mariadb", "mongodb", "redis", "amqp", "mssql", "sqlserver"],
  keywordsIgnoreCase: true,
  window: { before: 1, after: 500 },
  pattern:
    /(?<![A-Za-z0-9+.-])(?<secret>(?:postgres(?:ql)?|mysql|mariadb|mongodb(?:\+srv)?|rediss?|amqps?|mssql|sqlserver):\/\/[^\s:@/"'`]{0,64}:[^\s@/"'`]{1,128}@(?:\[[0-9a-fA-F:]+\]|[A-Za-z0-9._-]{1,253})(?::\d{1,5})?)/g,
  confidence: "high",
  verify(secret) {
    const parts = URL_SHAPE.exec(secret)?.groups;
    if (!parts) return null;
    const password = decodeURIComponentSafe(parts.password ?? "");
    const host = parts.host ?? "";
    if (isLoopbackOrLocal(host) || EXAMPLE_HOSTS.test(host)) return null;
    if (password.length < 4 || DEFAULT_PASSWORDS.has(password.toLowerCase()) || isPlaceholder(password))
      return null;
    if (/^\[.*\]$|^\$|^%|^\{/.test(password) || password === parts.user) return null;
    return {
      kind: "secret",
      label: `${schemeLabel(parts.scheme ?? "")} connection string with a password`,
      cvss: CVSS_DATABASE_TAKEOVER,
      facts: { host },
    };
  },
  visiblePrefix: () => "",
  redact: redactDatabaseUrl,
  samples: {
    secret: [
      `const pool=new Pool({connectionString:"${join("postgres", "ql://app_user:", fakeChars("db-pg", 24), "@db.shop-backend.net:5432/app")}"})`,
      `mongoose.connect('${join("mongodb", "+srv://admin:", fakeChars("db-mongo", 20), "@cluster0.ab1cd.mongodb.net/shop")}')`,
      `REDIS_URL:"${join("redis", "://default:", fakeChars("db-redis", 32), "@eu1-moved-ant-12345.upstash.io:6379")}"`,
    ],
    notSecret: [
      "postgres://postgres:postgres@localhost:5432/app",
      "postgresql://user:password@host:5432/db",
      "postgresql://postgres:[YOUR-PASSWORD]@db.abcdefghijklmnopqrst.supabase.co:5432/postgres",
      "mongodb+srv://<username>:<password>@cluster0.mongodb.net/test",
      "mysql://root:s3cr3tPassw0rd@db:3306/app",
      "redis://:${REDIS_PASSWORD}@cache.internal.example.com:6379",
      "postgres://app:hunter2hunter2@127.0.0.1/app",
    ],
  },
};

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

function schemeLabel(scheme: string): string {
  if (scheme.startsWith("postgres")) return "PostgreSQL";
  if (scheme.startsWith("mongodb")) return "MongoDB";
  if (scheme.startsWith("redis")) return "Redis";
  if (scheme.startsWith("amqp")) return "AMQP (RabbitMQ)";
  if (scheme === "mysql" || scheme === "mariadb") return "MySQL";
  return "SQL Server";
}

/** A connection string with the password left out: scheme://user:…@host. */
export function redactDatabaseUrl(secret: string): string {
  const parts = URL_SHAPE.exec(secret)?.groups;
  if (!parts) return "…";
  return `${parts.scheme}://${parts.user}:…@${parts.host}`;
}
