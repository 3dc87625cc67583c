import pg from "pg";
import type { Report } from "../engine/index.ts";
import { newScanId } from "./scan-id.ts";
import type { ScanRecord, ScanRequestOptions, ScanStatus } from "./scan-record.ts";
import { type BatchRecord, type ScanStore, type ScanSummary, tooManyAttempts } from "./scan-store.ts";

/**
 * The schema, one step per version, applied in order and recorded in schema_migrations. Never edit a
 * step that has shipped: add the next one.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE scans (
     seq BIGSERIAL PRIMARY KEY,
     id TEXT NOT NULL UNIQUE,
     url TEXT NOT NULL,
     input TEXT NOT NULL,
     options JSONB NOT NULL,
     status TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     created_at TIMESTAMPTZ NOT NULL,
     started_at TIMESTAMPTZ,
     finished_at TIMESTAMPTZ,
     report JSONB,
     grade TEXT,
     error TEXT,
     client TEXT NOT NULL DEFAULT ''
   );
   CREATE INDEX scans_by_url ON scans (url, seq DESC);
   CREATE INDEX scans_by_status ON scans (status, seq);
   CREATE INDEX scans_waiting_by_client ON scans (client) WHERE status IN ('queued', 'interrupted');`,
  // Batches: lists of sites scanned together, each scan at its place in the list.
  `CREATE TABLE batches (id TEXT PRIMARY KEY, created_at TIMESTAMPTZ NOT NULL, client TEXT NOT NULL DEFAULT '');
   CREATE TABLE batch_scans (
     batch_id TEXT NOT NULL REFERENCES batches (id),
     position INTEGER NOT NULL,
     scan_id TEXT NOT NULL REFERENCES scans (id),
     PRIMARY KEY (batch_id, position)
   );`,
];

/** Any number stands for "amihackable migrates": concurrent starts take turns on it. */
const MIGRATION_LOCK = 0x616d6968;

const SUMMARY_COLUMNS =
  "id, url, input, options, status, attempts, created_at, started_at, finished_at, NULL::jsonb AS report, grade, error, client";

interface Row {
  id: string;
  url: string;
  input: string;
  options: ScanRequestOptions;
  status: ScanStatus;
  attempts: number;
  created_at: Date;
  started_at: Date | null;
  finished_at: Date | null;
  report: Report | null;
  grade: string | null;
  error: string | null;
  client: string;
}

export interface PostgresOptions {
  /** How long to wait for a connection before giving up with a sentence (ms). */
  connectTimeoutMs?: number;
  /** Connections kept open at most. */
  maxConnections?: number;
}

/**
 * Scans in PostgreSQL (node-postgres, pure JS): what the servers and workers of a scaled deployment
 * share. `open()` connects and migrates; outcomes are written with a guard on the status so a scan
 * retried after a worker died is recorded once.
 */
export class PostgresScanStore implements ScanStore {
  readonly kind = "postgres";
  private readonly pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  /** Connects, runs the migrations this version needs, and answers the ready store. */
  static async open(url: string, options: PostgresOptions = {}): Promise<PostgresScanStore> {
    const pool = new pg.Pool({
      connectionString: url,
      connectionTimeoutMillis: options.connectTimeoutMs ?? 5_000,
      max: options.maxConnections ?? 10,
      // An idle connection the database dropped must not crash the process.
      idleTimeoutMillis: 30_000,
    });
    pool.on("error", (error) => console.error(`PostgreSQL: ${error.message}`));
    const store = new PostgresScanStore(pool);
    try {
      await store.migrate();
    } catch (error) {
      await pool.end().catch(() => undefined);
      throw error;
    }
    return store;
  }

  /** Versioned steps under an advisory lock: two processes starting at once migrate once. */
  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query("BEGIN");
      await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
      await client.query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())",
      );
      const { rows } = await client.query<{ version: number | null }>(
        "SELECT max(version) AS version FROM schema_migrations",
      );
      const current = rows[0]?.version ?? 0;
      if (current > MIGRATIONS.length)
        throw new Error(`the database was written by a newer amihackable (schema ${current})`);
      for (let version = current; version < MIGRATIONS.length; version++) {
        await client.query(MIGRATIONS[version]!);
        await client.query("INSERT INTO schema_migrations (version) VALUES ($1)", [version + 1]);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /** The schema version recorded (contract tests check migrations ran once). */
  async schemaVersion(): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>(
      "SELECT coalesce(max(version), 0) AS version FROM schema_migrations",
    );
    return rows[0]!.version;
  }

  async create(
    input: { url: string; input: string; options: ScanRequestOptions; client?: string },
    now = new Date(),
  ): Promise<ScanRecord> {
    const { rows } = await this.pool.query<Row>(
      "INSERT INTO scans (id, url, input, options, status, created_at, client) VALUES ($1, $2, $3, $4, 'queued', $5, $6) RETURNING *",
      [newScanId(), input.url, input.input, JSON.stringify(input.options), now, input.client ?? ""],
    );
    return fromRow(rows[0]!);
  }

  async sameScan(url: string, options: ScanRequestOptions, doneSince: Date): Promise<ScanRecord | undefined> {
    const { rows } = await this.pool.query<Row>(
      "SELECT * FROM scans WHERE url = $1 AND options = $2::jsonb AND (status IN ('queued', 'running', 'interrupted') OR (status = 'done' AND finished_at >= $3)) ORDER BY seq DESC LIMIT 1",
      [url, JSON.stringify(options), doneSince],
    );
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async get(id: string): Promise<ScanRecord | undefined> {
    const { rows } = await this.pool.query<Row>("SELECT * FROM scans WHERE id = $1", [id]);
    return rows[0] ? fromRow(rows[0]) : undefined;
  }

  async historyFor(url: string, limit = 20): Promise<ScanSummary[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${SUMMARY_COLUMNS} FROM scans WHERE url = $1 ORDER BY seq DESC LIMIT $2`,
      [url, limit],
    );
    return rows.map((row) => fromRow(row));
  }

  async previousDone(url: string, finishedBefore: Date, limit = 3): Promise<ScanSummary[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${SUMMARY_COLUMNS} FROM scans WHERE url = $1 AND status = 'done' AND finished_at < $2 ORDER BY finished_at DESC, seq DESC LIMIT $3`,
      [url, finishedBefore, limit],
    );
    return rows.map((row) => fromRow(row));
  }

  async waiting(): Promise<ScanSummary[]> {
    const { rows } = await this.pool.query<Row>(
      `SELECT ${SUMMARY_COLUMNS} FROM scans WHERE status IN ('queued', 'interrupted') ORDER BY seq`,
    );
    return rows.map((row) => fromRow(row));
  }

  async countWaiting(client?: string): Promise<number> {
    const { rows } =
      client === undefined
        ? await this.pool.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM scans WHERE status IN ('queued', 'interrupted')",
          )
        : await this.pool.query<{ n: number }>(
            "SELECT count(*)::int AS n FROM scans WHERE status IN ('queued', 'interrupted') AND client = $1",
            [client],
          );
    return rows[0]!.n;
  }

  async markRunning(id: string, now = new Date()): Promise<boolean> {
    return this.update(id, "status = 'running', attempts = attempts + 1, started_at = $2", now);
  }

  async markDone(id: string, report: Report, now = new Date()): Promise<boolean> {
    return this.update(
      id,
      "status = 'done', finished_at = $2, report = $3::jsonb, grade = $4, error = NULL",
      now,
      JSON.stringify(report),
      report.summary.grade,
    );
  }

  async markFailed(id: string, error: string, now = new Date()): Promise<boolean> {
    return this.update(id, "status = 'failed', finished_at = $2, error = $3", now, error);
  }

  async markInterrupted(id: string): Promise<void> {
    await this.update(id, "status = 'interrupted'");
  }

  async recoverInterrupted(
    maxAttempts: number,
    now = new Date(),
  ): Promise<{ requeued: string[]; failed: string[] }> {
    const failed = await this.pool.query<{ id: string }>(
      "UPDATE scans SET status = 'failed', finished_at = $2, error = replace($3, '{n}', attempts::text) WHERE status = 'running' AND attempts >= $1 RETURNING id",
      [maxAttempts, now, tooManyAttempts("{n}")],
    );
    const requeued = await this.pool.query<{ id: string }>(
      "UPDATE scans SET status = 'interrupted' WHERE status = 'running' RETURNING id",
    );
    return { requeued: requeued.rows.map((row) => row.id), failed: failed.rows.map((row) => row.id) };
  }

  async createBatch(scanIds: readonly string[], client = "", now = new Date()): Promise<BatchRecord> {
    const id = newScanId();
    const connection = await this.pool.connect();
    try {
      await connection.query("BEGIN");
      await connection.query("INSERT INTO batches (id, created_at, client) VALUES ($1, $2, $3)", [
        id,
        now,
        client,
      ]);
      await connection.query(
        "INSERT INTO batch_scans (batch_id, position, scan_id) SELECT $1, position - 1, scan_id FROM unnest($2::text[]) WITH ORDINALITY AS list (scan_id, position)",
        [id, scanIds],
      );
      await connection.query("COMMIT");
    } catch (error) {
      await connection.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      connection.release();
    }
    return (await this.getBatch(id))!;
  }

  async getBatch(id: string): Promise<BatchRecord | undefined> {
    const batch = await this.pool.query<{ id: string; created_at: Date; client: string }>(
      "SELECT id, created_at, client FROM batches WHERE id = $1",
      [id],
    );
    const found = batch.rows[0];
    if (!found) return undefined;
    const { rows } = await this.pool.query<Row>(
      "SELECT s.id, s.url, s.input, s.options, s.status, s.attempts, s.created_at, s.started_at, s.finished_at, NULL::jsonb AS report, s.grade, s.error, s.client FROM batch_scans b JOIN scans s ON s.id = b.scan_id WHERE b.batch_id = $1 ORDER BY b.position",
      [id],
    );
    return {
      id: found.id,
      createdAt: found.created_at.toISOString(),
      client: found.client,
      scans: rows.map((row) => fromRow(row)),
    };
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  /** Outcomes are final: a scan that is done or failed is never changed again (true: a row changed). */
  private async update(id: string, assignments: string, ...values: unknown[]): Promise<boolean> {
    const result = await this.pool.query(
      `UPDATE scans SET ${assignments} WHERE id = $1 AND status NOT IN ('done', 'failed')`,
      [id, ...values],
    );
    return (result.rowCount ?? 0) > 0;
  }
}

function fromRow(row: Row): ScanRecord {
  return {
    id: row.id,
    url: row.url,
    input: row.input,
    options: row.options,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at.toISOString(),
    startedAt: row.started_at?.toISOString() ?? null,
    finishedAt: row.finished_at?.toISOString() ?? null,
    report: row.report,
    grade: row.grade,
    error: row.error,
    client: row.client,
  };
}
