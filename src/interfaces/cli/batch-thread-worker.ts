/**
 * The worker-thread side of batch-threads.ts: runs several scans at once (each its own engine scan with
 * its own abort), so a batch loads the scanner into a few threads instead of one per scan. The CLI scans
 * what its user listed: no address guard, any port.
 */
import { parentPort } from "node:worker_threads";
import { scan, type ScanRequest } from "../../engine/index.ts";
import type { FromBatchThread, ToBatchThread } from "./batch-threads.ts";

const port = parentPort!;
const send = (message: FromBatchThread) => port.postMessage(message);
const running = new Map<number, AbortController>();

port.on("message", (message: ToBatchThread) => {
  if (message.type === "cancel") running.get(message.id)?.abort(new Error("cancelled"));
  else void run(message.id, message.request);
});

async function run(id: number, request: ScanRequest): Promise<void> {
  const controller = new AbortController();
  running.set(id, controller);
  try {
    const report = await scan(request, {
      guard: null,
      allowNonDefaultPorts: true,
      signal: controller.signal,
    });
    send({ type: "report", id, report });
  } catch (error) {
    send({ type: "error", id, message: error instanceof Error ? error.message : String(error) });
  } finally {
    running.delete(id);
  }
}
