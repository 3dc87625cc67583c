import zlib from "node:zlib";

/**
 * Decompresses a body with a hard cap on output, so a gzip or brotli bomb (a few KB that inflate to GBs)
 * costs at most `cap` bytes. Truncated input is decoded as far as it goes.
 */
export async function decodeBody(
  raw: Uint8Array,
  encoding: string,
  cap: number,
): Promise<{ body: Uint8Array; truncated: boolean; failed: boolean }> {
  const codings = encoding
    .toLowerCase()
    .split(",")
    .map((c) => c.trim())
    .filter((c) => c && c !== "identity");
  if (codings.length === 0) return { body: raw.subarray(0, cap), truncated: raw.length > cap, failed: false };
  // Only a single layer is decoded: stacked encodings are rare and a cheap way to multiply work.
  const coding = codings[codings.length - 1];
  const stream = createDecoder(coding ?? "");
  if (!stream || codings.length > 1)
    return { body: raw.subarray(0, cap), truncated: raw.length > cap, failed: true };

  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (truncated: boolean, failed: boolean) => {
      if (settled) return;
      settled = true;
      stream.removeAllListeners("data");
      stream.destroy();
      resolve({ body: Buffer.concat(chunks, Math.min(size, cap)), truncated, failed });
    };
    stream.on("data", (chunk: Buffer) => {
      const room = cap - size;
      if (chunk.length > room) {
        chunks.push(chunk.subarray(0, room));
        size = cap;
        finish(true, false);
        return;
      }
      chunks.push(chunk);
      size += chunk.length;
    });
    stream.on("end", () => finish(false, false));
    stream.on("error", () => finish(false, size === 0));
    stream.end(raw);
  });
}

function createDecoder(coding: string): zlib.Gunzip | zlib.Inflate | zlib.BrotliDecompress | null {
  const flush = { finishFlush: zlib.constants.Z_SYNC_FLUSH };
  switch (coding) {
    case "gzip":
    case "x-gzip":
      return zlib.createGunzip(flush);
    case "deflate":
      return zlib.createInflate(flush);
    case "br":
      return zlib.createBrotliDecompress({ finishFlush: zlib.constants.BROTLI_OPERATION_FLUSH });
    default:
      return null;
  }
}
