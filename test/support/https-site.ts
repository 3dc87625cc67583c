import type http from "node:http";
import https from "node:https";
import type { SecureVersion } from "node:tls";
import type { ScanOptions } from "./scan-url.ts";
import type { KeyPair } from "./certificates.ts";
import { FIXTURE_HOST, type FixtureTarget } from "./scan-fixture.ts";
import { listen, startServer, type Handler, type TestServer } from "./server.ts";

export interface HttpsOptions extends KeyPair {
  /** Oldest TLS version the server accepts (Node's default is TLSv1.2). */
  minVersion?: SecureVersion;
  /** OpenSSL cipher string; 'DEFAULT@SECLEVEL=0' lets OpenSSL 3 negotiate TLS 1.0/1.1 at all. */
  ciphers?: string;
}

/** An https server on 127.0.0.1 and an ephemeral port, recording every request like startServer. */
export async function startHttpsServer(handler: Handler, options: HttpsOptions): Promise<TestServer> {
  const server = https.createServer(
    {
      key: options.key,
      cert: options.cert,
      ...(options.minVersion ? { minVersion: options.minVersion } : {}),
      ...(options.ciphers ? { ciphers: options.ciphers } : {}),
    },
    (req, res) => handler(req, res),
  );
  // A probe's failed handshake is expected here; it must not become an unhandled error.
  server.on("tlsClientError", () => undefined);
  return listen(server);
}

/** What the plain-http listener of an https site does; a function builds a handler given the https origin. */
export type HttpSide = "redirect" | "serve" | "none" | ((httpsOrigin: string) => Handler);

/**
 * A site on https, with its http:// twin either redirecting to https (as it should), serving the same
 * content (tls.http-not-redirected), or absent. Scan it with `scheme: "https"` and `resolve: site.resolve`:
 * the resolve pins send the twin's port 80 to the http listener, or to a closed port when there is none.
 */
export interface HttpsSite {
  /** The https server; closing it closes the http twin as well. */
  server: TestServer;
  http?: TestServer;
  resolve: string[];
}

export async function startHttpsSite(
  handler: Handler,
  options: HttpsOptions & { http?: HttpSide; hsts?: boolean },
): Promise<HttpsSite> {
  const withHsts: Handler = (req, res) => {
    // A well-run https site sends HSTS; the https-only fixtures of other families should not trip on it.
    if (options.hsts !== false)
      res.setHeader("strict-transport-security", "max-age=63072000; includeSubDomains");
    handler(req, res);
  };
  const secure = await startHttpsServer(withHsts, options);
  const side = options.http ?? "redirect";
  const httpsOrigin = `https://${FIXTURE_HOST}:${secure.port}`;
  const twin: Handler | undefined =
    side === "none"
      ? undefined
      : side === "serve"
        ? handler
        : side === "redirect"
          ? redirectTo(() => httpsOrigin)
          : side(httpsOrigin);
  const plain = twin ? await startServer(twin) : undefined;
  return {
    server: { ...secure, close: async () => void (await Promise.all([secure.close(), plain?.close()])) },
    ...(plain ? { http: plain } : {}),
    resolve: [`${FIXTURE_HOST}:80:127.0.0.1:${plain?.port ?? CLOSED_PORT}`],
  };
}

/** tcpmux's port: nothing listens there on a test machine, so a connection is refused at once. */
export const CLOSED_PORT = 1;

/** An http listener that sends every request to the same path on https, as a well-run site does. */
export function redirectTo(origin: () => string): Handler {
  return (req: http.IncomingMessage, res: http.ServerResponse) => {
    res
      .writeHead(301, { location: `${origin()}${req.url ?? "/"}`, "content-type": "text/plain" })
      .end("Moved");
  };
}

/** A CheckCase's site and scan options (spread them into the case): the scan runs once the servers are up. */
export interface FixtureCase {
  site: { start: () => Promise<TestServer> };
  scan: ScanOptions & FixtureTarget;
}

/** Scans https://app.fixture.test:PORT/ served by `handler`, with its http twin on port 80 as asked. */
export function httpsFixture(
  handler: Handler,
  options: HttpsOptions & { http?: HttpSide; hsts?: boolean },
  scan: ScanOptions & FixtureTarget = {},
): FixtureCase {
  const options_: ScanOptions & FixtureTarget = { ...scan, scheme: "https" };
  return {
    site: {
      start: async () => {
        const site = await startHttpsSite(handler, options);
        options_.resolve = [...site.resolve, ...(scan.resolve ?? [])];
        return site.server;
      },
    },
    scan: options_,
  };
}

/** What answers on port 443 for an http:// target. */
export type HttpsSide = "closed" | "plain-http" | ({ handler: Handler } & HttpsOptions);

/**
 * Scans http://app.fixture.test:PORT/ served by `handler` (given the https origin, to redirect to it),
 * with port 443 of the same name pinned to: nothing (refused), the http server itself (no TLS), or an
 * https server. Pinning 443 keeps the scan from asking real DNS for the fixture's name.
 */
export function httpFixture(
  handler: (httpsOrigin: string) => Handler,
  https: HttpsSide,
  scan: ScanOptions & FixtureTarget = {},
): FixtureCase {
  const options: ScanOptions & FixtureTarget = { ...scan };
  const httpsOrigin = `https://${scan.host ?? FIXTURE_HOST}`;
  return {
    site: {
      start: async () => {
        const plain = await startServer(handler(httpsOrigin));
        const secure = typeof https === "object" ? await startHttpsServer(https.handler, https) : undefined;
        const port = secure?.port ?? (https === "plain-http" ? plain.port : CLOSED_PORT);
        options.resolve = [`${scan.host ?? FIXTURE_HOST}:443:127.0.0.1:${port}`, ...(scan.resolve ?? [])];
        return { ...plain, close: async () => void (await Promise.all([plain.close(), secure?.close()])) };
      },
    },
    scan: options,
  };
}
