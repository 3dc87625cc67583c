import http from "node:http";
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

/** Wraps an already-built server (express app.listen, fastify.server, ...) the same way. */
export async function listen(server: http.Server, seen: SeenRequest[] = []): Promise<TestServer> {
  if (seen.length === 0 && server.listenerCount("request") > 0) {
    server.prependListener("request", (req: http.IncomingMessage) => {
      seen.push({ method: req.method ?? "", url: req.url ?? "", headers: req.headers });
    });
  }
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
