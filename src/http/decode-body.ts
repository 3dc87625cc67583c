import zlib from "node:zlib";

export interface DecodedBody {
  body: Uint8Array;
  /** The decoded body reached the cap and was cut there (a bomb, or just a big body). */
  truncated: boolean;
  /** The coding was unknown, stacked or undecodable from the first byte: `body` is the raw bytes. */
  failed: boolean;
}

/**
 * Decompresses a body with a hard cap on output, so a gzip or brotli bomb (a few KB that inflate to GBs)
 * costs at most `cap` bytes of memory and stops as soon as the cap is reached. Truncated or corrupt input
 * is decoded as far as it goes. When nothing decodes, the raw bytes are kept: a server that labels plain
 * text as gzip still shows its text to the checks.
 */
export async function decodeBody(raw: Uint8Array, encoding: string, cap: number): Promise<DecodedBody> {
  const codings = encoding
    .toLowerCase()
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c && c !== "identity");
  const asIs = (failed: boolean): DecodedBody => ({
    body: raw.subarray(0, cap),
    truncated: raw.length > cap,
    failed,
  });
  if (codings.length === 0 || raw.length === 0) return asIs(false);
  // Only a single layer is decoded: stacked encodings are rare and a cheap way to multiply work.
  const coding = codings.length === 1 ? (codings[0] ?? "") : "";
  if (!KNOWN_CODINGS.has(coding)) return asIs(true);
  const fast = await decodeWith(coding, raw, cap, LARGE_CHUNK_BYTES);
  if (!fast.errored) return fast.result;
  // zlib drops the output of the step that hit the damage; with small steps, only a little of it is lost.
  const careful = await decodeWith(coding, raw, cap, SMALL_CHUNK_BYTES);
  return careful.result.body.length > 0 ? careful.result : asIs(true);
}

/** One decoding pass with output chunks of `chunkSize`, stopped as soon as the cap is reached. */
function decodeWith(
  coding: string,
  raw: Uint8Array,
  cap: number,
  chunkSize: number,
): Promise<{ result: DecodedBody; errored: boolean }> {
  const stream = createDecoder(coding, raw, chunkSize)!;
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (truncated: boolean, errored = false) => {
      if (settled) return;
      settled = true;
      stream.removeAllListeners("data");
      stream.destroy();
      resolve({ result: { body: Buffer.concat(chunks, size), truncated, failed: false }, errored });
    };
    stream.on("data", (chunk: Buffer) => {
      const room = cap - size;
      if (chunk.length >= room) {
        chunks.push(chunk.subarray(0, room));
        size = cap;
        // Reaching the cap exactly is not a cut unless more output was coming; assume it was.
        finish(true);
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    stream.on("end", () => finish(false));
    // Corrupt or cut input: keep what decoded before the damage.
    stream.on("error", () => finish(false, true));
    stream.end(raw);
  });
}

/**
 * Output chunk sizes. Each chunk is one trip to the thread pool: a bomb's 2 MiB in Node's default 16 KiB
 * chunks costs 128 trips, and brotli decodes 3-4 times faster in large ones. Small ones are for the
 * second pass over damaged input.
 */
const LARGE_CHUNK_BYTES = 256 * 1024;
const KNOWN_CODINGS = new Set(["gzip", "x-gzip", "deflate", "br"]);
const SMALL_CHUNK_BYTES = 16 * 1024;

function createDecoder(
  coding: string,
  raw: Uint8Array,
  chunkSize: number,
): zlib.Gunzip | zlib.Inflate | zlib.InflateRaw | zlib.BrotliDecompress | null {
  // Sync flush: a body cut short (by our cap, a timeout or the server) yields what it holds, not an error.
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH, chunkSize };
  switch (coding) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip(flush);
    case "deflate":
      // "deflate" should be zlib-wrapped, but some servers send raw deflate, and browsers accept both.
      return hasZlibHeader(raw) ? zlib.createInflate(flush) : zlib.createInflateRaw(flush);
    case "br":
      return zlib.createBrotliDecompress({
        finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH,
        chunkSize,
      });
    default:
      return null;
  }
}

/** RFC 1950: compression method 8 and a header checksum divisible by 31. */
function hasZlibHeader(raw: Uint8Array): boolean {
  const cmf = raw[0] ?? 0;
  const flg = raw[1] ?? 0;
  return (cmf & 0x0f) === 8 && (cmf * 256 + flg) % 31 === 0;
}
