import { randomBytes } from "node:crypto";
import http from "node:http";
import type { AddressInfo } from "node:net";

/**
 * A small, deliberately misconfigured shop used by `npm run demo`: its bundle calls an API that echoes any
 * Origin with credentials (the way `cors({ origin: true, credentials: true })` does), its pages send no
 * security headers, its session cookie is readable by scripts, its `.env` is served, and a secret key is
 * baked into its JavaScript. The fake secrets are made fresh at start, so no key-shaped string is in the repo.
 */
export const DEMO_HTML = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Demo Shop</title></head>
<body>
<h1>Demo Shop</h1>
<p>A deliberately vulnerable site for amihackable's demo.</p>
<a href="/products">Products</a>
<script src="/assets/app.js"></script>
</body>
</html>
`;

export const DEMO_BUNDLE = `(()=>{const base="";async function me(){const r=await fetch("/api/me",{credentials:"include"});return r.json()}
async function orders(id){return fetch(\`/api/orders/\${id}\`,{credentials:"include"})}
window.shop={me,orders};})();
`;

function fakeToken(length: number): string {
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
  return [...randomBytes(length)].map((byte) => alphabet[byte % alphabet.length]).join("");
}

/** Per process: realistic shapes, never real keys. */
const FAKE_STRIPE_SECRET = `sk_live_${fakeToken(32)}`;
const FAKE_DB_PASSWORD = fakeToken(20);

const bundleWithSecret = () => `${DEMO_BUNDLE}window.__payments={stripeSecretKey:"${FAKE_STRIPE_SECRET}"};\n`;

const ENV_FILE = () =>
  `NODE_ENV=production\nDATABASE_URL=postgres://shop:${FAKE_DB_PASSWORD}@db.shop-internal.example:5432/shop\nSTRIPE_SECRET_KEY=${FAKE_STRIPE_SECRET}\nSESSION_SECRET=${fakeToken(24)}\n`;

function corsReflecting(req: http.IncomingMessage, res: http.ServerResponse): void {
  const origin = req.headers.origin;
  if (origin) {
    res.setHeader("Access-Control-Allow-Origin", origin);
    res.setHeader("Access-Control-Allow-Credentials", "true");
  }
}

export function handleDemoRequest(req: http.IncomingMessage, res: http.ServerResponse): void {
  const url = new URL(req.url ?? "/", "http://demo.invalid");
  // The version banner nginx sends unless `server_tokens off;` is set.
  res.setHeader("Server", "nginx/1.18.0");
  if (url.pathname === "/.env") {
    res.writeHead(200, { "Content-Type": "text/plain" }).end(ENV_FILE());
    return;
  }
  if (url.pathname.startsWith("/api/")) {
    corsReflecting(req, res);
    if (req.method === "OPTIONS") {
      res
        .writeHead(204, {
          "Access-Control-Allow-Methods": "GET,PUT,DELETE",
          "Access-Control-Allow-Headers": "content-type",
        })
        .end();
      return;
    }
    res
      .writeHead(200, { "Content-Type": "application/json" })
      .end(JSON.stringify({ id: 42, email: "ada@example.com", plan: "pro" }));
    return;
  }
  if (url.pathname === "/assets/app.js") {
    res.writeHead(200, { "Content-Type": "text/javascript" }).end(bundleWithSecret());
    return;
  }
  if (url.pathname === "/" || url.pathname === "/products") {
    res
      .writeHead(200, {
        "Content-Type": "text/html; charset=utf-8",
        // express-session's cookie name, without HttpOnly or SameSite: scripts can read the session.
        "Set-Cookie": `connect.sid=s%3A${fakeToken(32)}.${fakeToken(20)}; Path=/`,
      })
      .end(DEMO_HTML);
    return;
  }
  res.writeHead(404, { "Content-Type": "text/plain" }).end("Not found");
}

export async function startDemoSite(
  port = 0,
): Promise<{ server: http.Server; port: number; close: () => Promise<void> }> {
  const server = http.createServer(handleDemoRequest);
  await new Promise<void>((resolve) => server.listen(port, "127.0.0.1", resolve));
  const address = server.address() as AddressInfo;
  return {
    server,
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
