import http from "node:http";
import { listen } from "../support/server.ts";
import { handleDemoRequest } from "../../src/interfaces/demo/vulnerable-site.ts";

/** Markup and tricks a target may put in what the report shows: each must reach the page as inert text. */
export const HOSTILE = {
  script: "<script>alert('script')</script>",
  handler: `"><img src=x onerror="alert('img')">`,
  svg: "<svg onload=alert('svg')>",
  link: "javascript:alert('link')",
  /** Right-to-left override: makes "txt.exe" read as "exe.txt". */
  bidi: "invoice\u202Etxt.exe",
  longLine: "A".repeat(6_000),
};

/** UTF-8 bytes smuggled into a header value (Node only writes latin1 header strings). */
const latin1 = (text: string) => Buffer.from(text, "utf8").toString("latin1");

const HOSTILE_HEADERS = {
  "x-note": `${HOSTILE.script} ${HOSTILE.handler}`,
  "x-bidi": latin1(HOSTILE.bidi),
  server: `Apache/2.4.49 ${HOSTILE.svg}`,
  "x-powered-by": "PHP/7.4.3",
  link: `<${HOSTILE.link}>; rel=preload`,
};

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${HOSTILE.script}</title></head>
<body><h1 onclick="alert('h1')">Shop</h1><a href="${HOSTILE.link}">x</a>
<script src="/assets/app.js"></script></body></html>`;

const BUNDLE = `fetch("/api/me",{credentials:"include"});fetch("/api/orders/1",{credentials:"include"});`;

const API_BODY = JSON.stringify({
  name: HOSTILE.script,
  bio: HOSTILE.handler,
  site: HOSTILE.link,
  svg: HOSTILE.svg,
  file: HOSTILE.bidi,
  notes: HOSTILE.longLine,
});

/** A vulnerable site (origin reflected with credentials) whose every response carries hostile content. */
export async function startHostileSite(): Promise<{ port: number; close: () => Promise<void> }> {
  const server = http.createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    for (const [name, value] of Object.entries(HOSTILE_HEADERS)) res.setHeader(name, value);
    if (path?.startsWith("/api/")) {
      const origin = req.headers.origin;
      if (origin) {
        res.setHeader("access-control-allow-origin", origin);
        res.setHeader("access-control-allow-credentials", "true");
      }
      res.writeHead(200, { "content-type": "application/json" }).end(API_BODY);
      return;
    }
    if (path === "/assets/app.js") {
      res.writeHead(200, { "content-type": "text/javascript" }).end(BUNDLE);
      return;
    }
    if (path === "/") {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" }).end(PAGE);
      return;
    }
    res.writeHead(404, { "content-type": "text/html" }).end(`<p>${HOSTILE.script} not found</p>`);
  });
  return listen(server);
}

/**
 * The demo shop with its bundle held back until `release()`: the scan stays visibly in progress for as
 * long as the test needs (a screenshot of the live view), with no timing involved.
 */
export async function startGatedDemoSite(): Promise<{
  port: number;
  release: () => void;
  close: () => Promise<void>;
}> {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = http.createServer((req, res) => {
    if ((req.url ?? "").startsWith("/assets/app.js")) {
      void released.then(() => handleDemoRequest(req, res));
      return;
    }
    handleDemoRequest(req, res);
  });
  return { ...(await listen(server)), release };
}
