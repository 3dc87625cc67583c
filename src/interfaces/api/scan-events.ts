import { PassThrough } from "node:stream";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { LiveEvent } from "../../queue/index.ts";
import { type AppServices, HttpError } from "../server/index.ts";
import { findScan } from "./find-scan.ts";

const HEARTBEAT_MS = 15_000;

/**
 * GET /api/v1/scans/:id/events: server-sent events. A late subscriber first gets where the scan stands
 * (status, latest progress, findings so far), then live events; "done" ends the stream. A finished
 * scan answers with its "done" event at once. Streams are capped in total and per client.
 */
export async function streamScanEvents(
  services: AppServices,
  request: FastifyRequest,
  reply: FastifyReply,
  id: string,
): Promise<FastifyReply> {
  const scan = await findScan(services.store, id);
  const { streams } = services;
  if (streams.open >= streams.max)
    throw new HttpError(503, "too_many_streams", "Too many open event streams; poll the scan instead.", {
      "retry-after": "10",
    });
  const mine = streams.byClient.get(request.client) ?? 0;
  if (mine >= streams.maxPerClient)
    throw new HttpError(429, "too_many_streams", "You have too many open event streams; close one first.", {
      "retry-after": "10",
    });
  reply.headers({
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    // Proxies such as nginx would otherwise hold events back until a buffer fills.
    "x-accel-buffering": "no",
  });
  if (request.method === "HEAD") return reply.send();

  const stream = new PassThrough();
  let sequence = 0;
  const write = (event: LiveEvent) => {
    if (!stream.writableEnded)
      stream.write(`id: ${++sequence}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  };
  stream.write("retry: 2000\n\n");

  if (scan.status === "done" || scan.status === "failed") {
    write({ type: "done", status: scan.status, grade: scan.grade, error: scan.error });
    stream.end();
    return reply.send(stream);
  }

  streams.open++;
  streams.byClient.set(request.client, mine + 1);
  const heartbeat = setInterval(() => {
    if (!stream.writableEnded) stream.write(": keep-alive\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();
  const unsubscribe = services.queue.live.subscribe(scan.id, (event) => {
    write(event);
    if (event.type === "done") stream.end();
  });
  reply.raw.once("close", () => {
    clearInterval(heartbeat);
    unsubscribe();
    streams.open--;
    const left = (streams.byClient.get(request.client) ?? 1) - 1;
    if (left > 0) streams.byClient.set(request.client, left);
    else streams.byClient.delete(request.client);
  });
  const replay = services.queue.live.replay(scan.id);
  for (const event of replay) write(event);
  if (replay.length === 0) {
    // Between the read above and now the scan may have ended; the store knows.
    const latest = await services.store.get(scan.id);
    if (latest && (latest.status === "done" || latest.status === "failed")) {
      write({ type: "done", status: latest.status, grade: latest.grade, error: latest.error });
      stream.end();
    }
  }
  return reply.send(stream);
}
