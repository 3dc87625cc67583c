import type { IncomingMessage, ServerResponse } from "node:http";
import type { Handler } from "../../../test/support/server.ts";

/** A file a test site serves. */
export interface SiteFile {
  type: string;
  body: string | Buffer;
  status?: number;
  headers?: Record<string, string>;
  /** Answer a Range request with the whole file (200), as some servers and proxies do. */
  ignoreRange?: boolean;
}

export const PAGE_WITH_BUNDLE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Shop</title>
<script type="module" src="/assets/index-8c1f2a.js"></script></head><body><div id="root"></div></body></html>`;

export const BUNDLE = `(()=>{const e=document.getElementById("root");e.textContent="shop";fetch("/api/products")})();`;

/**
 * A static site with real 404s: the given files, and a page plus bundle by default. Buffers honour a
 * `Range: bytes=a-b` request with 206 and Content-Range, as nginx and S3 do.
 */
export function staticSite(files: Record<string, SiteFile>, fallback?: Handler): Handler {
  const all: Record<string, SiteFile> = {
    "/": { type: "text/html; charset=utf-8", body: PAGE_WITH_BUNDLE },
    "/assets/index-8c1f2a.js": { type: "text/javascript", body: BUNDLE },
    ...files,
  };
  return (req, res) => {
    const path = (req.url ?? "/").split("?")[0] ?? "/";
    const file = all[path];
    if (!file) {
      if (fallback) fallback(req, res);
      else res.writeHead(404, { "content-type": "text/plain" }).end("Not Found");
      return;
    }
    serve(req, res, file);
  };
}

function serve(req: IncomingMessage, res: ServerResponse, file: SiteFile): void {
  const range = /^bytes=(\d+)-(\d+)$/.exec(req.headers.range ?? "");
  if (range && !file.ignoreRange && Buffer.isBuffer(file.body) && (file.status ?? 200) === 200) {
    const start = Number(range[1]);
    const end = Math.min(Number(range[2]), file.body.length - 1);
    res
      .writeHead(206, {
        "content-type": file.type,
        "content-range": `bytes ${start}-${end}/${file.body.length}`,
        ...file.headers,
      })
      .end(file.body.subarray(start, end + 1));
    return;
  }
  res.writeHead(file.status ?? 200, { "content-type": file.type, ...file.headers }).end(file.body);
}

/** An API-style host that answers every unknown path with 200 and a JSON error (a catch-all router). */
export const jsonCatchAll: Handler = staticSite({}, (_req, res) => {
  res.writeHead(200, { "content-type": "application/json" }).end('{"error":"not found"}');
});

/** A host whose every unknown path answers 200 with the same plain text. */
export function textCatchAll(text: string): Handler {
  return staticSite({}, (_req, res) => {
    res.writeHead(200, { "content-type": "text/plain" }).end(text);
  });
}

/** A single-page app with a real file mistakenly deployed: that file, and index.html for everything else. */
export function spaWith(files: Record<string, SiteFile>): Handler {
  return staticSite(files, (_req, res) => {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE_WITH_BUNDLE);
  });
}

/** A .DS_Store as Finder writes it: the Bud1 header, then records (length, UTF-16BE name, code, type). */
export function dsStoreBytes(names: readonly string[]): Buffer {
  const header = Buffer.from([0, 0, 0, 1, 0x42, 0x75, 0x64, 0x31, ...new Array<number>(28).fill(0)]);
  const records = names.map((name) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(name.length);
    const utf16 = Buffer.from(name, "utf16le").swap16();
    return Buffer.concat([
      length,
      utf16,
      Buffer.from("Ilocblob"),
      Buffer.from([0, 0, 0, 16]),
      Buffer.alloc(16),
    ]);
  });
  return Buffer.concat([header, ...records, Buffer.alloc(64)]);
}
