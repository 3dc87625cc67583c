import http from "node:http";
import { after } from "node:test";
import https from "node:https";
import type { AddressInfo } from "node:net";

export interface SeenRequest {
  method: string;
  url: string;
  headers: http.IncomingHttpHeaders;
}

export interface TestServer {
  port: number;
  /** http://127.0.0.1:PORT */
  url: string;
  /** Every request the server received, in order. */
  seen: SeenRequest[];
  close(): Promise<void>;
}

export type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;

/** Starts a plain node:http server on 127.0.0.1 and an ephemeral port, recording every request. */
export async function startServer(handler: Handler | http.RequestListener): Promise<TestServer> {
  // listen() records each request (once) before the handler runs.
  return listen(http.createServer((req, res) => handler(req, res)));
}

/**
 * Listens on 127.0.0.1 and an ephemeral port with an already-built server (plain node:http, https, express
 * app.listen, fastify.server, ...), recording every request before any handler runs.
 */
export async function listen(server: http.Server | https.Server): Promise<TestServer> {
  const seen: SeenRequest[] = [];
  server.prependListener("request", (req: http.IncomingMessage) => {
    seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `${server instanceof https.Server ? "https" : "http"}://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/**
 * Servers a test suite starts and must close: `serve` starts one, and the pool closes them all in the
 * suite's `after` hook, registered here so no suite forgets it.
 */
export function serverPool(): { serve: (handler: Handler) => Promise<TestServer>; servers: TestServer[] } {
  const servers: TestServer[] = [];
  after(async () => Promise.all(servers.map((server) => server.close())));
  return {
    servers,
    serve: async (handler) => {
      const server = await startServer(handler);
      servers.push(server);
      return server;
    },
  };
}
