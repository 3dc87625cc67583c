import type { LiveEvent } from "../../queue/live-scans.ts";
import type { RequestContext } from "../server/context.ts";
import { HttpError } from "../server/http-error.ts";
import { findScan } from "./find-scan.ts";

const HEARTBEAT_MS = 15_000;

/**
 * GET /api/v1/scans/:id/events: server-sent events. A late subscriber first gets where the scan stands
 * (status, latest progress, findings so far), then live events; "done" ends the stream. A finished
 * scan answers with its "done" event at once.
 */
export function streamScanEvents(context: RequestContext): void {
  const scan = findScan(context);
  const { res, services } = context;
  if (services.streams.open >= services.streams.max)
    throw new HttpError(503, "too_many_streams", "Too many open event streams; poll the scan instead.", {
      "retry-after": "10",
    });
  const mine = services.streams.byClient.get(context.client) ?? 0;
  if (mine >= services.streams.maxPerClient)
    throw new HttpError(429, "too_many_streams", "You have too many open event streams; close one first.", {
      "retry-after": "10",
    });
  res.writeHead(200, {
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-store",
    // Proxies such as nginx would otherwise hold events back until a buffer fills.
    "x-accel-buffering": "no",
  });
  if (context.req.method === "HEAD") {
    res.end();
    return;
  }
  let sequence = 0;
  const write = (event: LiveEvent) => {
    res.write(`id: ${++sequence}\nevent: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`);
  };
  res.write("retry: 2000\n\n");

  const finished = (status: "done" | "failed" | "interrupted") =>
    write({ type: "done", status, grade: scan.grade, error: scan.error });
  if (scan.status === "done" || scan.status === "failed") {
    finished(scan.status);
    res.end();
    return;
  }

  services.streams.open++;
  services.streams.byClient.set(context.client, mine + 1);
  const heartbeat = setInterval(() => res.write(": keep-alive\n\n"), HEARTBEAT_MS);
  heartbeat.unref();
  const unsubscribe = services.queue.live.subscribe(scan.id, (event) => {
    write(event);
    if (event.type === "done") res.end();
  });
  const cleanup = () => {
    clearInterval(heartbeat);
    unsubscribe();
    services.streams.open--;
    const left = (services.streams.byClient.get(context.client) ?? 1) - 1;
    if (left > 0) services.streams.byClient.set(context.client, left);
    else services.streams.byClient.delete(context.client);
  };
  res.once("close", cleanup);
  const replay = services.queue.live.replay(scan.id);
  for (const event of replay) write(event);
  if (replay.length === 0) {
    // Between the read above and now the scan may have ended; the store knows.
    const latest = services.store.get(scan.id);
    if (latest && (latest.status === "done" || latest.status === "failed")) {
      write({ type: "done", status: latest.status, grade: latest.grade, error: latest.error });
      res.end();
    }
  }
}
