import { type FileHandle, open } from "node:fs/promises";
import { asRecord, type BatchSiteRecord } from "./batch-record.ts";

/**
 * The state file of a batch: one JSON record per finished site, appended and flushed to disk (fsync)
 * before the site counts as finished, so whatever stops the process (Ctrl-C, SIGTERM, kill -9, a power
 * cut) a resumed batch knows exactly which sites are done. A site whose record is not in the file was not
 * finished and is scanned again; a record cut in half by the stop is dropped (and the file trimmed to its
 * last whole line, so the next append starts on a line of its own).
 */
export class BatchStateFile {
  private chain: Promise<void> = Promise.resolve();

  private readonly handle: FileHandle;
  /** The sites finished by earlier runs, in the order they finished. */
  readonly finished: readonly BatchSiteRecord[];

  private constructor(handle: FileHandle, finished: readonly BatchSiteRecord[]) {
    this.handle = handle;
    this.finished = finished;
  }

  /** Opens the state file: continues it with `resume`, starts it empty otherwise. */
  static async open(path: string, resume: boolean): Promise<BatchStateFile> {
    if (!resume) return new BatchStateFile(await open(path, "w"), []);
    const handle = await open(path, "a+");
    try {
      const text = (await handle.readFile()).toString("utf8");
      const { records, wholeBytes } = readRecords(text);
      if (wholeBytes < Buffer.byteLength(text)) await handle.truncate(wholeBytes);
      return new BatchStateFile(handle, records);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** Appends one finished site and waits until it is on disk. Appends are written one after another. */
  append(record: BatchSiteRecord): Promise<void> {
    const line = `${JSON.stringify(record)}\n`;
    const write = this.chain.then(async () => {
      await this.handle.appendFile(line);
      await this.handle.datasync();
    });
    this.chain = write.catch(() => undefined);
    return write;
  }

  async close(): Promise<void> {
    await this.chain;
    await this.handle.close();
  }
}

/** The records of a state file's whole lines, and how many bytes those lines take (a torn tail excluded). */
export function readRecords(text: string): { records: BatchSiteRecord[]; wholeBytes: number } {
  const records: BatchSiteRecord[] = [];
  const end = text.lastIndexOf("\n") + 1;
  const byUrl = new Set<string>();
  for (const line of text.slice(0, end).split("\n")) {
    if (line.trim() === "") continue;
    let record: BatchSiteRecord | undefined;
    try {
      record = asRecord(JSON.parse(line));
    } catch {
      record = undefined;
    }
    // A site is finished once: a second record of it (never written by us) is ignored.
    if (record && !byUrl.has(record.url)) {
      byUrl.add(record.url);
      records.push(record);
    }
  }
  return { records, wholeBytes: Buffer.byteLength(text.slice(0, end)) };
}
