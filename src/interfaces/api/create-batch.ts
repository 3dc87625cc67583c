import type { FastifyRequest } from "fastify";
import type { BatchRecord, ScanRequestOptions } from "../../store/index.ts";
import { type AppServices, HttpError } from "../server/index.ts";
import { clientLane } from "./create-scan.ts";
import { scanOptions, scanTarget } from "./scan-request.ts";
import type { BatchRequest } from "./schemas.ts";

/**
 * POST /api/v1/batches: a list of sites scanned as one request. Every URL is checked first (the first bad
 * one refuses the whole list, naming its place); duplicates are scanned once; a site scanned or being
 * scanned with the same options is joined, as a single scan would be. The batch takes one of the client's
 * scan allowances; its new scans must fit the line (in all, and for the client up to the batch size
 * limit) and wait in the client's own lane, so a batch is served in turn with everyone else's scans.
 */
export async function createBatch(
  services: AppServices,
  request: FastifyRequest,
  body: BatchRequest,
): Promise<BatchRecord> {
  const { config, store, queue, policy } = services;
  const options: ScanRequestOptions = scanOptions(body.options);
  const targets = new Map<string, { url: string; input: string }>();
  body.urls.forEach((url, index) => {
    let target;
    try {
      target = scanTarget(url, policy);
    } catch (error) {
      if (error instanceof HttpError)
        throw new HttpError(error.status, error.code, `urls[${index}]: ${error.message}`);
      throw error;
    }
    if (!targets.has(target.url)) targets.set(target.url, { url: target.url, input: target.input });
  });
  if (targets.size > config.maxBatchSize)
    throw new HttpError(
      400,
      "batch_too_large",
      `A batch may list ${config.maxBatchSize} different sites at most; this one lists ${targets.size}.`,
    );

  const reuseSince = new Date(Date.now() - config.reuseSeconds * 1000);
  const joined = new Map<string, string>();
  for (const target of targets.values()) {
    const same = await store.sameScan(target.url, options, reuseSince);
    if (same) joined.set(target.url, same.id);
  }
  const fresh = targets.size - joined.size;
  const client = clientLane(request.client);
  if (fresh > 0) {
    const wait = await services.takeScanAllowance(request);
    if (wait > 0)
      throw new HttpError(429, "rate_limited", `Too many scans from your address; try again in ${wait} s.`, {
        "retry-after": String(wait),
      });
    if ((await store.countWaiting(client)) + fresh > config.maxBatchSize)
      throw new HttpError(
        429,
        "too_many_waiting",
        `You would have more than ${config.maxBatchSize} scans waiting; try again when some have started.`,
        { "retry-after": "60" },
      );
    if ((await store.countWaiting()) + fresh > config.maxWaiting)
      throw new HttpError(503, "queue_full", "Too many scans are waiting for this batch; try again later.", {
        "retry-after": "60",
      });
  }

  const ids: string[] = [];
  for (const target of targets.values()) {
    const existing = joined.get(target.url);
    if (existing) {
      ids.push(existing);
      continue;
    }
    const created = await store.create({ ...target, options, client });
    await queue.enqueue(created.id, client);
    ids.push(created.id);
  }
  return store.createBatch(ids, client);
}
