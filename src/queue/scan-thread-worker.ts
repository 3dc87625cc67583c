/**
 * The worker-thread side of scan-thread.ts: rebuilds the guard from the policy's data, runs the scan, and
 * sends its progress and report back. It holds no server state; a cancel message aborts the scan, which
 * then reports what it had.
 */
import { parentPort, workerData } from "node:worker_threads";
import { scan, type ScanRequest } from "../engine/index.ts";
import { publicOnlyGuard } from "../http/index.ts";
import type { FromThread, ThreadPolicy, ToThread } from "./scan-thread.ts";

const port = parentPort!;
const { request, policy } = workerData as { request: ScanRequest; policy: ThreadPolicy };
const controller = new AbortController();
const send = (message: FromThread) => port.postMessage(message);

port.on("message", (message: ToThread) => {
  if (message.type === "cancel") controller.abort(new Error("cancelled"));
});

const table = policy.dnsTable;
try {
  const report = await scan(request, {
    guard: publicOnlyGuard(policy.allowAddresses),
    allowNonDefaultPorts: policy.allowNonDefaultPorts,
    ...(table
      ? {
          lookup: async (host: string) => {
            const addresses = table[host];
            if (!addresses)
              throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
            return [...addresses];
          },
        }
      : {}),
    onProgress: (event) => send({ type: "progress", event }),
    signal: controller.signal,
  });
  send({ type: "report", report });
} catch (error) {
  send({ type: "error", message: error instanceof Error ? error.message : String(error) });
}
port.close();
