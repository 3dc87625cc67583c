import assert from "node:assert/strict";
import { describe, it } from "node:test";
import zlib from "node:zlib";
import { decodeBody } from "./decode-body.ts";

/** About 300 KB of text that compresses like real code (not like a run of one repeated string). */
const TEXT = Buffer.from(
  Array.from({ length: 6000 }, (_, i) => `const v${i} = fetch("/api/items/${(i * 7919) % 10007}");\n`).join(
    "",
  ),
);
const MiB = 1024 * 1024;

/** A gzip bomb without ever holding the output: gzip members concatenate, so one member of 1 MiB of
 *  zeros (about 1 KB) repeated `mebibytes` times inflates to that many MiB. */
function gzipBomb(mebibytes: number): Buffer {
  const member = zlib.gzipSync(Buffer.alloc(MiB), { level: 9 });
  return Buffer.concat(Array.from({ length: mebibytes }, () => member));
}

/** A brotli bomb compressed chunk by chunk from a stream of zeros (1 GiB in, about 200 KB out). */
async function brotliBomb(mebibytes: number): Promise<Buffer> {
  const compressor = zlib.createBrotliCompress({
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 },
  });
  const out: Buffer[] = [];
  compressor.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => compressor.on("end", resolve));
  const zeros = Buffer.alloc(MiB);
  for (let i = 0; i < mebibytes; i++) {
    if (!compressor.write(zeros)) await new Promise((resolve) => compressor.once("drain", resolve));
  }
  compressor.end();
  await ended;
  return Buffer.concat(out);
}

describe("decodeBody", () => {
  for (const [coding, encode] of [
    ["gzip", zlib.gzipSync],
    ["x-gzip", zlib.gzipSync],
    ["deflate", zlib.deflateSync],
    ["br", zlib.brotliCompressSync],
  ] as const) {
    it(`decodes ${coding}`, async () => {
      const decoded = await decodeBody(encode(TEXT), coding, MiB);
      assert.equal(Buffer.from(decoded.body).toString(), TEXT.toString());
      assert.equal(decoded.truncated, false);
      assert.equal(decoded.failed, false);
    });
  }

  it("decodes raw deflate sent as deflate (browsers accept it too)", async () => {
    const decoded = await decodeBody(zlib.deflateRawSync(TEXT), "deflate", MiB);
    assert.equal(Buffer.from(decoded.body).toString(), TEXT.toString());
  });

  it("matches codings case-insensitively and ignores identity", async () => {
    const decoded = await decodeBody(zlib.gzipSync(TEXT), " GZIP ", MiB);
    assert.equal(decoded.body.length, TEXT.length);
    const identity = await decodeBody(TEXT, "identity", MiB);
    assert.equal(identity.body.length, TEXT.length);
    assert.equal(identity.failed, false);
  });

  it("passes an unencoded body through, cut at the cap", async () => {
    const decoded = await decodeBody(TEXT, "", 100);
    assert.equal(decoded.body.length, 100);
    assert.equal(decoded.truncated, true);
  });

  it("decodes an empty gzip body to nothing", async () => {
    const decoded = await decodeBody(zlib.gzipSync(Buffer.alloc(0)), "gzip", MiB);
    assert.equal(decoded.body.length, 0);
    assert.equal(decoded.failed, false);
  });

  it("leaves an empty body (a HEAD answer) alone whatever the coding says", async () => {
    const decoded = await decodeBody(new Uint8Array(0), "gzip", MiB);
    assert.equal(decoded.body.length, 0);
    assert.equal(decoded.truncated, false);
  });

  for (const [coding, encode] of [
    ["gzip", zlib.gzipSync],
    ["deflate", zlib.deflateSync],
    ["br", zlib.brotliCompressSync],
  ] as const) {
    it(`decodes truncated ${coding} input as far as it goes`, async () => {
      const whole = encode(TEXT);
      const decoded = await decodeBody(whole.subarray(0, Math.floor(whole.length / 2)), coding, MiB);
      assert.ok(decoded.body.length > 0, "some of the body decodes");
      assert.ok(decoded.body.length < TEXT.length);
      assert.ok(TEXT.toString().startsWith(Buffer.from(decoded.body).toString()));
    });
  }

  it("keeps what decoded before corrupt bytes", async () => {
    const good = zlib.gzipSync(TEXT);
    const corrupt = Buffer.concat([good.subarray(0, good.length - 8), Buffer.from("garbage!")]);
    const decoded = await decodeBody(corrupt, "gzip", MiB);
    assert.equal(decoded.failed, false);
    assert.ok(decoded.body.length > 0);
  });

  it("keeps the raw bytes when a body labelled gzip is not gzip at all", async () => {
    const decoded = await decodeBody(TEXT, "gzip", MiB);
    assert.equal(decoded.failed, true);
    assert.equal(Buffer.from(decoded.body).toString(), TEXT.toString());
  });

  it("keeps the raw bytes for unknown and stacked codings (never decoding layer upon layer)", async () => {
    const unknown = await decodeBody(TEXT, "zstd", MiB);
    assert.equal(unknown.failed, true);
    assert.equal(unknown.body.length, TEXT.length);
    const stacked = zlib.gzipSync(zlib.gzipSync(TEXT));
    const twice = await decodeBody(stacked, "gzip, gzip", MiB);
    assert.equal(twice.failed, true);
    assert.equal(twice.body.length, stacked.length);
  });

  it("cuts a decoded body at the cap", async () => {
    const decoded = await decodeBody(zlib.gzipSync(TEXT), "gzip", 1000);
    assert.equal(decoded.body.length, 1000);
    assert.equal(decoded.truncated, true);
  });

  it("caps a gzip bomb (1 MiB inflating to 1 GiB) at the cap", async () => {
    const bomb = gzipBomb(1024);
    assert.ok(bomb.length < 2 * MiB);
    const before = process.memoryUsage().rss;
    const decoded = await decodeBody(bomb, "gzip", 2 * MiB);
    assert.equal(decoded.body.length, 2 * MiB);
    assert.equal(decoded.truncated, true);
    assert.ok(process.memoryUsage().rss - before < 100 * MiB, "memory stays bounded");
  });

  it("caps a brotli bomb (a small payload inflating to 1 GiB) at the cap", async () => {
    const bomb = await brotliBomb(1024);
    assert.ok(bomb.length < MiB, `bomb is ${bomb.length} bytes`);
    const before = process.memoryUsage().rss;
    const decoded = await decodeBody(bomb, "br", 2 * MiB);
    assert.equal(decoded.body.length, 2 * MiB);
    assert.equal(decoded.truncated, true);
    assert.ok(process.memoryUsage().rss - before < 100 * MiB, "memory stays bounded");
  });
});
