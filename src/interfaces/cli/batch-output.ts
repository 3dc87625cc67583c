import { type FileHandle, open, rename, writeFile } from "node:fs/promises";
import { CSV, JSONL, type BatchFormat, type StreamedFormat } from "./batch-formats.ts";
import type { BatchSiteRecord } from "./batch-record.ts";

/** The output cannot be written; the message is one sentence naming the path. */
export class OutputPathError extends Error {}

/** One sentence for why a path cannot be written. */
export function unwritableSentence(path: string, error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === "ENOENT"
      ? "its folder does not exist"
      : code === "EISDIR"
        ? "it is a folder"
        : code === "EACCES" || code === "EPERM"
          ? "permission denied"
          : code === "EROFS"
            ? "the file system is read-only"
            : (error as Error).message;
  return `cannot write to ${path}: ${why}.`;
}

/**
 * Where a batch's results go (a file or stdout) in its format. A streamed format (JSONL, CSV) gets a site
 * as soon as it is recorded; on resume the output is written again from the state file's records first,
 * so it holds every site exactly once whatever the earlier run managed to write before it stopped. SARIF
 * is one document, written whole when the batch ends (to a temporary file renamed over the output, so a
 * stop mid-write never leaves half a document).
 */
export class BatchOutput {
  private readonly path: string | undefined;
  private readonly format: BatchFormat;
  private readonly stdout: NodeJS.WritableStream;
  private handle: FileHandle | undefined;

  private constructor(path: string | undefined, format: BatchFormat, stdout: NodeJS.WritableStream) {
    this.path = path;
    this.format = format;
    this.stdout = stdout;
  }

  /**
   * Opens the output before anything is read or scanned, so an unwritable path is said at once, not after
   * an hour of scanning. Nothing in the file changes until `begin`.
   */
  static async open(
    path: string | undefined,
    format: BatchFormat,
    stdout: NodeJS.WritableStream,
  ): Promise<BatchOutput> {
    const output = new BatchOutput(path, format, stdout);
    if (path) {
      try {
        output.handle = await open(path, "a");
      } catch (error) {
        throw new OutputPathError(unwritableSentence(path, error));
      }
      if (!output.streamed()) {
        // SARIF is written whole at the end; this open only proved the path writable.
        await output.handle.close();
        output.handle = undefined;
      }
    }
    return output;
  }

  /** Starts the output anew: the header, then the records of the earlier runs (a resume). */
  async begin(previous: readonly BatchSiteRecord[]): Promise<void> {
    const streamed = this.streamed();
    if (!streamed) return;
    await this.handle?.truncate(0);
    await this.write(streamed.header + previous.map((record) => streamed.site(record)).join(""));
  }

  private streamed(): StreamedFormat | undefined {
    return this.format === "jsonl" ? JSONL : this.format === "csv" ? CSV : undefined;
  }

  private async write(text: string): Promise<void> {
    if (text === "") return;
    if (this.handle) await this.handle.appendFile(text);
    else if (this.path === undefined)
      await new Promise<void>((resolve, reject) =>
        this.stdout.write(text, (error) => (error ? reject(error) : resolve())),
      );
  }

  /** One finished site (streamed formats); SARIF waits for `finish`. */
  async add(record: BatchSiteRecord): Promise<void> {
    const streamed = this.streamed();
    if (streamed) await this.write(streamed.site(record));
  }

  /** Lets go of the file without writing anything more (the batch did not start). */
  async close(): Promise<void> {
    await this.handle?.close();
    this.handle = undefined;
  }

  /** Ends the output; `document` renders a whole-document format (SARIF) from every record. */
  async finish(document: () => string): Promise<void> {
    if (this.streamed()) return this.close();
    const text = document();
    if (this.path === undefined) return this.write(text);
    const temporary = `${this.path}.${process.pid}.tmp`;
    await writeFile(temporary, text);
    await rename(temporary, this.path);
  }
}
