import { createHash } from "node:crypto";
import type { FastifyRequest } from "fastify";
import type { ScanRecord } from "../../store/index.ts";
import { type AppServices, HttpError } from "../server/index.ts";
import { scanOptions, scanTarget } from "./scan-request.ts";
import type { ScanRequest } from "./schemas.ts";

/**
 * Starting a scan, for the API and the page's form alike (their schemas have checked the shape): what
 * only code can check; a scan of the same URL and options that is waiting, running or just finished is
 * joined instead of run twice; then the client's scan allowance, room in the line for the client and in
 * total; store it (the store is the truth) and put it in the client's lane.
 */
export async function createScan(
  services: AppServices,
  request: FastifyRequest,
  body: ScanRequest,
): Promise<{ scan: ScanRecord; position: number }> {
  const target = scanTarget(body.url, services.policy);
  const options = scanOptions(body.options);
  const reuseSince = new Date(Date.now() - services.config.reuseSeconds * 1000);
  const same = await services.store.sameScan(target.url, options, reuseSince);
  if (same) return { scan: same, position: (await services.queue.position(same.id)) ?? 0 };
  const wait = await services.takeScanAllowance(request);
  if (wait > 0)
    throw new HttpError(429, "rate_limited", `Too many scans from your address; try again in ${wait} s.`, {
      "retry-after": String(wait),
    });
  const client = clientLane(request.client);
  if (await services.queue.isFullFor(client))
    throw new HttpError(
      429,
      "too_many_waiting",
      `You already have ${services.config.maxWaitingPerClient} scans waiting; try again when one has started.`,
      { "retry-after": "30" },
    );
  if (await services.queue.isFull())
    throw new HttpError(503, "queue_full", "Too many scans are waiting; try again in a minute.", {
      "retry-after": "60",
    });
  const created = await services.store.create({ url: target.url, input: target.input, options, client });
  const position = await services.queue.enqueue(created.id, client);
  // The queue may have started it already.
  return { scan: (await services.store.get(created.id)) ?? created, position };
}

/** The client's lane in the line: a one-way key of its address, so the store never holds addresses. */
export function clientLane(client: string): string {
  return createHash("sha256").update(client).digest("base64url").slice(0, 16);
}
