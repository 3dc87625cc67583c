import type http from "node:http";
import zlib from "node:zlib";
import type { Handler } from "../support/server.ts";

const MiB = 1024 * 1024;

/** The start of every hostile page: a script and an API call, so discovery has work to do after the page. */
export const PAGE_START = `<!doctype html><html><head><title>hostile</title><script src="/app.js"></script>
<script>fetch("/api/inline")</script></head><body>`;
export const BUNDLE = `fetch("/api/from-bundle");`;

/**
 * A gzip bomb: `prefix` then `mebibytes` MiB of zeros, about 1 KB per MiB on the wire. gzip members
 * concatenate, so one member of 1 MiB of zeros is made once and repeated; the 1 GiB is never held.
 */
export function gzipBomb(prefix: string, mebibytes = 1024): Buffer {
  const member = zlib.gzipSync(Buffer.alloc(MiB), { level: 9 });
  return Buffer.concat([zlib.gzipSync(prefix), ...Array.from({ length: mebibytes }, () => member)]);
}

/** A brotli bomb: `prefix` then `mebibytes` MiB of zeros, compressed chunk by chunk (about 200 KB out). */
export async function brotliBomb(prefix: string, mebibytes = 1024): Promise<Buffer> {
  const compressor = zlib.createBrotliCompress({
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 1, [zlib.constants.BROTLI_PARAM_LGWIN]: 24 },
  });
  const out: Buffer[] = [];
  compressor.on("data", (chunk: Buffer) => out.push(chunk));
  const ended = new Promise((resolve) => compressor.on("end", resolve));
  compressor.write(prefix);
  const zeros = Buffer.alloc(MiB);
  for (let i = 0; i < mebibytes; i++) {
    if (!compressor.write(zeros)) await new Promise((resolve) => compressor.once("drain", resolve));
  }
  compressor.end();
  await ended;
  return Buffer.concat(out);
}

function contentType(path: string): string {
  if (path.endsWith(".js")) return "text/javascript";
  if (path.startsWith("/api")) return "application/json";
  return "text/html; charset=utf-8";
}

const pathOf = (req: http.IncomingMessage) => (req.url ?? "/").split("?")[0] ?? "/";

/** Every path answers with the same compressed bomb. */
export function bombSite(payload: Buffer, encoding: "gzip" | "br"): Handler {
  return (req, res) => {
    res.writeHead(200, { "content-type": contentType(pathOf(req)), "content-encoding": encoding });
    res.end(req.method === "HEAD" ? undefined : payload);
  };
}

/**
 * Writes `chunk` again and again until the client goes away or `total` bytes are out, honouring
 * backpressure so the server itself holds no more than a chunk or two.
 */
function stream(res: http.ServerResponse, first: string, chunk: Buffer, total = Infinity): void {
  let written = 0;
  let closed = false;
  res.on("close", () => (closed = true));
  const pump = () => {
    while (!closed && written < total) {
      written += chunk.length;
      if (!res.write(chunk)) return void res.once("drain", pump);
    }
    if (!closed) res.end();
  };
  res.write(first);
  pump();
}

/** Every path streams without end (the page and the bundle start with something worth reading). */
export const endlessSite: Handler = (req, res) => {
  const path = pathOf(req);
  res.writeHead(200, { "content-type": contentType(path) });
  if (req.method === "HEAD") return void res.end();
  const first = path === "/app.js" ? BUNDLE : path === "/" ? PAGE_START : "";
  stream(res, first, Buffer.alloc(64 * 1024, path.endsWith(".js") ? "/" : " "));
};

/** A 50 MB HTML page, streamed (a real page's markup, repeated), with ordinary assets beside it. */
export const hugePageSite: Handler = (req, res) => {
  const path = pathOf(req);
  if (path === "/") {
    res.writeHead(200, { "content-type": "text/html" });
    const markup = Buffer.from(
      `<div class="row"><a href="/item">item</a><p>${"lorem ipsum ".repeat(40)}</p></div>\n`,
    );
    const chunk = Buffer.concat(Array.from({ length: Math.ceil((64 * 1024) / markup.length) }, () => markup));
    stream(res, PAGE_START, chunk, 50 * 1000 * 1000);
    return;
  }
  ordinary(req, res);
};

/** The page drips one byte every 100 ms after its start and never ends; everything else is ordinary. */
export const slowDripSite: Handler = (req, res) => {
  if (pathOf(req) !== "/") return ordinary(req, res);
  res.writeHead(200, { "content-type": "text/html" });
  res.write(PAGE_START);
  const timer = setInterval(() => res.write("."), 100);
  res.on("close", () => clearInterval(timer));
};

/** Every response carries 10,000 short headers: under the 64 KiB cap in all, so it must be read. */
export const manyHeadersSite: Handler = (req, res) => {
  res.setHeader(
    "x-n",
    Array.from({ length: 10_000 }, (_, n) => String(n % 10)),
  );
  ordinary(req, res);
};

/** The page is fine; every script and API redirects in a loop. */
export const redirectLoopSite: Handler = (req, res) => {
  const path = pathOf(req);
  if (path === "/") return ordinary(req, res);
  res
    .writeHead(302, { location: path.endsWith("-again") ? path.slice(0, -"-again".length) : `${path}-again` })
    .end();
};

/**
 * Invalid UTF-8 in the page (lone continuation bytes, overlong forms, truncated sequences, NUL bytes) and
 * bundles of malformed JS: unterminated strings and templates, a 2 MB line, pathological quotes.
 */
export const garbageSite: Handler = (req, res) => {
  const path = pathOf(req);
  if (path === "/") {
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(
      Buffer.concat([
        Buffer.from(PAGE_START),
        Buffer.from([
          0x80, 0xbf, 0xc0, 0xaf, 0xe0, 0x80, 0xaf, 0xed, 0xa0, 0x80, 0xf4, 0x90, 0x80, 0x80, 0x00, 0xff,
          0xfe,
        ]),
        Buffer.from(
          '<script src="/broken.js"></script><script src="/quotes.js"></script><a href="/\xff\xfe">x</a>',
        ),
        Buffer.from([0xe2, 0x82]),
      ]),
    );
    return;
  }
  if (path === "/app.js" || path === "/broken.js") {
    res.writeHead(200, { "content-type": "text/javascript" });
    res.end(
      Buffer.concat([
        Buffer.from(`${BUNDLE} const s = "unterminated; const t = \`\${ fetch("/api/in-template"`),
        Buffer.from([0xc3, 0x28, 0xa0, 0xa1]),
        Buffer.from(`function(){{{{{{ [[[[ ((((( "${"x".repeat(2 * MiB)}`),
      ]),
    );
    return;
  }
  if (path === "/quotes.js") {
    res.writeHead(200, { "content-type": "text/javascript" });
    res.end(`"https://${"a".repeat(300)}`.repeat(20_000) + `'/api/${"b".repeat(250)}`.repeat(20_000));
    return;
  }
  ordinary(req, res);
};

/** What a plain, well-behaved path answers: the bundle, JSON for APIs, 404 otherwise. */
function ordinary(req: http.IncomingMessage, res: http.ServerResponse): void {
  const path = pathOf(req);
  if (path === "/") {
    res.writeHead(200, { "content-type": "text/html" }).end(`${PAGE_START}</body></html>`);
  } else if (path === "/app.js") {
    res.writeHead(200, { "content-type": "text/javascript" }).end(BUNDLE);
  } else if (path.startsWith("/api")) {
    res.writeHead(200, { "content-type": "application/json" }).end('{"ok":true}');
  } else {
    res.writeHead(404, { "content-type": "text/plain" }).end("not found");
  }
}

/** A page of 400,000 unclosed elements (2 MB), whose script and links come after the nesting. */
export const nestingBombSite: Handler = (req, res) => {
  if (pathOf(req) !== "/") return ordinary(req, res);
  res.writeHead(200, { "content-type": "text/html" });
  res.end(
    `<!doctype html><html><body>${"<div>".repeat(400_000)}${PAGE_START.replace("<!doctype html>", "")}`,
  );
};
