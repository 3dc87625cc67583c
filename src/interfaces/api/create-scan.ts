import type { FastifyRequest } from "fastify";
import type { ScanRecord } from "../../store/index.ts";
import { type AppServices, HttpError } from "../server/index.ts";
import { scanOptions, scanTarget } from "./scan-request.ts";
import type { ScanRequest } from "./schemas.ts";

/**
 * Starting a scan, for the API and the page's form alike (their schemas have checked the shape): what
 * only code can check, then the client's scan allowance, then room in the queue; store it (the store
 * is the truth) and put it in line.
 */
export async function createScan(
  services: AppServices,
  request: FastifyRequest,
  body: ScanRequest,
): Promise<{ scan: ScanRecord; position: number }> {
  const target = scanTarget(body.url, services.policy);
  const options = scanOptions(body.options);
  const wait = await services.takeScanAllowance(request);
  if (wait > 0)
    throw new HttpError(429, "rate_limited", `Too many scans from your address; try again in ${wait} s.`, {
      "retry-after": String(wait),
    });
  if (services.queue.isFull)
    throw new HttpError(503, "queue_full", "Too many scans are waiting; try again in a minute.", {
      "retry-after": "60",
    });
  const created = services.store.create({ url: target.url, input: target.input, options });
  const position = services.queue.enqueue(created.id);
  // The queue may have started it already.
  return { scan: services.store.get(created.id) ?? created, position };
}
