import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { DatabaseSync, type SQLInputValue, type StatementSync } from "node:sqlite";
import type { Report } from "../engine/index.ts";
import { newScanId } from "./scan-id.ts";
import type { ScanRecord, ScanRequestOptions, ScanStatus } from "./scan-record.ts";
import { type BatchRecord, type ScanStore, type ScanSummary, tooManyAttempts } from "./scan-store.ts";

/** Bumped when the table changes; migrations run in order from the stored PRAGMA user_version. */
const SCHEMA_VERSION = 3;
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE scans (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     id TEXT NOT NULL UNIQUE,
     url TEXT NOT NULL,
     input TEXT NOT NULL,
     options TEXT NOT NULL,
     status TEXT NOT NULL,
     attempts INTEGER NOT NULL DEFAULT 0,
     created_at TEXT NOT NULL,
     started_at TEXT,
     finished_at TEXT,
     report TEXT,
     grade TEXT,
     error TEXT
   );
   CREATE INDEX scans_by_url ON scans (url, seq DESC);
   CREATE INDEX scans_by_status ON scans (status, seq);`,
  // Who asked (a one-way key of the client's address): the queue shares its slots fairly between clients.
  `ALTER TABLE scans ADD COLUMN client TEXT NOT NULL DEFAULT '';`,
  // Batches: lists of sites scanned together, each scan at its place in the list.
  `CREATE TABLE batches (id TEXT PRIMARY KEY, created_at TEXT NOT NULL, client TEXT NOT NULL DEFAULT '');
   CREATE TABLE batch_scans (
     batch_id TEXT NOT NULL REFERENCES batches (id),
     position INTEGER NOT NULL,
     scan_id TEXT NOT NULL REFERENCES scans (id),
     PRIMARY KEY (batch_id, position)
   );`,
];

interface Row {
  seq: number;
  id: string;
  url: string;
  input: string;
  options: string;
  status: ScanStatus;
  attempts: number;
  created_at: string;
  started_at: string | null;
  finished_at: string | null;
  report: string | null;
  grade: string | null;
  error: string | null;
  client: string;
}

/**
 * Scans in node:sqlite (no service to run): a file under ./data/ by default, ":memory:" in tests. The
 * calls are synchronous and short underneath; they answer through promises to share the ScanStore
 * interface with PostgreSQL. Reports are stored as JSON text, written once when a scan ends.
 */
export class SqliteScanStore implements ScanStore {
  readonly kind = "sqlite";
  private readonly db: DatabaseSync;
  /** Prepared once: compiling SQL costs more than running these statements. */
  private readonly statements = new Map<string, StatementSync>();

  constructor(path: string) {
    if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true });
    this.db = new DatabaseSync(path);
    this.db.exec("PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000; PRAGMA foreign_keys = ON;");
    this.migrate();
  }

  private migrate(): void {
    const { user_version: current } = this.db.prepare("PRAGMA user_version").get() as {
      user_version: number;
    };
    if (current > SCHEMA_VERSION)
      throw new Error(`the database was written by a newer amihackable (schema ${current})`);
    for (let version = current; version < SCHEMA_VERSION; version++) {
      this.db.exec("BEGIN");
      try {
        this.db.exec(MIGRATIONS[version]!);
        this.db.exec(`PRAGMA user_version = ${version + 1}`);
        this.db.exec("COMMIT");
      } catch (error) {
        this.db.exec("ROLLBACK");
        throw error;
      }
    }
  }

  async create(
    input: { url: string; input: string; options: ScanRequestOptions; client?: string },
    now = new Date(),
  ): Promise<ScanRecord> {
    const id = newScanId();
    this.sql(
      "INSERT INTO scans (id, url, input, options, status, created_at, client) VALUES (?, ?, ?, ?, 'queued', ?, ?)",
    ).run(id, input.url, input.input, JSON.stringify(input.options), now.toISOString(), input.client ?? "");
    return this.read(id)!;
  }

  async sameScan(url: string, options: ScanRequestOptions, doneSince: Date): Promise<ScanRecord | undefined> {
    const row = this.sql(
      "SELECT id FROM scans WHERE url = ? AND options = ? AND (status IN ('queued', 'running', 'interrupted') OR (status = 'done' AND finished_at >= ?)) ORDER BY seq DESC LIMIT 1",
    ).get(url, JSON.stringify(options), doneSince.toISOString()) as { id: string } | undefined;
    return row ? this.read(row.id) : undefined;
  }

  async get(id: string): Promise<ScanRecord | undefined> {
    return this.read(id);
  }

  private read(id: string): ScanRecord | undefined {
    const row = this.sql("SELECT * FROM scans WHERE id = ?").get(id) as Row | undefined;
    return row ? fromRow(row) : undefined;
  }

  async historyFor(url: string, limit = 20): Promise<ScanSummary[]> {
    const rows = this.sql(
      "SELECT seq, id, url, input, options, status, attempts, created_at, started_at, finished_at, NULL AS report, grade, error, client FROM scans WHERE url = ? ORDER BY seq DESC LIMIT ?",
    ).all(url, limit) as unknown as Row[];
    return rows.map((row) => fromRow(row));
  }

  async previousDone(url: string, finishedBefore: Date, limit = 3): Promise<ScanSummary[]> {
    // finished_at is ISO 8601 text of one fixed width (toISOString), so text order is time order.
    const rows = this.sql(
      "SELECT seq, id, url, input, options, status, attempts, created_at, started_at, finished_at, NULL AS report, grade, error, client FROM scans WHERE url = ? AND status = 'done' AND finished_at < ? ORDER BY finished_at DESC, seq DESC LIMIT ?",
    ).all(url, finishedBefore.toISOString(), limit) as unknown as Row[];
    return rows.map((row) => fromRow(row));
  }

  async waiting(): Promise<ScanSummary[]> {
    const rows = this.sql(
      "SELECT seq, id, url, input, options, status, attempts, created_at, started_at, finished_at, NULL AS report, grade, error, client FROM scans WHERE status IN ('queued', 'interrupted') ORDER BY seq",
    ).all() as unknown as Row[];
    return rows.map((row) => fromRow(row));
  }

  async countWaiting(client?: string): Promise<number> {
    const row = (
      client === undefined
        ? this.sql("SELECT count(*) AS n FROM scans WHERE status IN ('queued', 'interrupted')").get()
        : this.sql(
            "SELECT count(*) AS n FROM scans WHERE status IN ('queued', 'interrupted') AND client = ?",
          ).get(client)
    ) as { n: number };
    return row.n;
  }

  async markRunning(id: string, now = new Date()): Promise<boolean> {
    return this.update(id, "status = 'running', attempts = attempts + 1, started_at = ?", now.toISOString());
  }

  async markDone(id: string, report: Report, now = new Date()): Promise<boolean> {
    return this.update(
      id,
      "status = 'done', finished_at = ?, report = ?, grade = ?, error = NULL",
      now.toISOString(),
      JSON.stringify(report),
      report.summary.grade,
    );
  }

  async markFailed(id: string, error: string, now = new Date()): Promise<boolean> {
    return this.update(id, "status = 'failed', finished_at = ?, error = ?", now.toISOString(), error);
  }

  async markInterrupted(id: string): Promise<void> {
    this.update(id, "status = 'interrupted'");
  }

  async recoverInterrupted(
    maxAttempts: number,
    now = new Date(),
  ): Promise<{ requeued: string[]; failed: string[] }> {
    const rows = this.sql("SELECT id, attempts FROM scans WHERE status = 'running'").all() as Array<{
      id: string;
      attempts: number;
    }>;
    const requeued: string[] = [];
    const failed: string[] = [];
    for (const row of rows) {
      if (row.attempts >= maxAttempts) {
        this.update(
          row.id,
          "status = 'failed', finished_at = ?, error = ?",
          now.toISOString(),
          tooManyAttempts(row.attempts),
        );
        failed.push(row.id);
      } else {
        this.update(row.id, "status = 'interrupted'");
        requeued.push(row.id);
      }
    }
    return { requeued, failed };
  }

  async createBatch(scanIds: readonly string[], client = "", now = new Date()): Promise<BatchRecord> {
    const id = newScanId();
    this.db.exec("BEGIN");
    try {
      this.sql("INSERT INTO batches (id, created_at, client) VALUES (?, ?, ?)").run(
        id,
        now.toISOString(),
        client,
      );
      const add = this.sql("INSERT INTO batch_scans (batch_id, position, scan_id) VALUES (?, ?, ?)");
      scanIds.forEach((scanId, position) => add.run(id, position, scanId));
      this.db.exec("COMMIT");
    } catch (error) {
      this.db.exec("ROLLBACK");
      throw error;
    }
    return (await this.getBatch(id))!;
  }

  async getBatch(id: string): Promise<BatchRecord | undefined> {
    const batch = this.sql("SELECT id, created_at, client FROM batches WHERE id = ?").get(id) as
      { id: string; created_at: string; client: string } | undefined;
    if (!batch) return undefined;
    const rows = this.sql(
      "SELECT s.seq, s.id, s.url, s.input, s.options, s.status, s.attempts, s.created_at, s.started_at, s.finished_at, NULL AS report, s.grade, s.error, s.client FROM batch_scans b JOIN scans s ON s.id = b.scan_id WHERE b.batch_id = ? ORDER BY b.position",
    ).all(id) as unknown as Row[];
    return {
      id: batch.id,
      createdAt: batch.created_at,
      client: batch.client,
      scans: rows.map((row) => fromRow(row)),
    };
  }

  private sql(text: string): StatementSync {
    let statement = this.statements.get(text);
    if (!statement) {
      statement = this.db.prepare(text);
      this.statements.set(text, statement);
    }
    return statement;
  }

  async close(): Promise<void> {
    if (this.db.isOpen) this.db.close();
  }

  /** Outcomes are final: a scan that is done or failed is never changed again (true: a row changed). */
  private update(id: string, assignments: string, ...values: SQLInputValue[]): boolean {
    const result = this.sql(
      `UPDATE scans SET ${assignments} WHERE id = ? AND status NOT IN ('done', 'failed')`,
    ).run(...values, id);
    return Number(result.changes) > 0;
  }
}

function fromRow(row: Row): ScanRecord {
  return {
    id: row.id,
    url: row.url,
    input: row.input,
    options: JSON.parse(row.options) as ScanRequestOptions,
    status: row.status,
    attempts: row.attempts,
    createdAt: row.created_at,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    report: row.report ? (JSON.parse(row.report) as Report) : null,
    grade: row.grade,
    error: row.error,
    client: row.client,
  };
}
