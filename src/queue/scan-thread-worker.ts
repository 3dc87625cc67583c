/**
 * The worker-thread side of scan-thread.ts: one scan at a time, each with the guard rebuilt from the
 * policy's data; progress and the report go back as messages. A cancel aborts the running scan, which
 * then reports what it had. The thread holds no server state and waits for the next scan.
 */
import { parentPort } from "node:worker_threads";
import { scan } from "../engine/index.ts";
import { publicOnlyGuard } from "../http/index.ts";
import type { FromThread, ThreadPolicy, ToThread } from "./scan-thread.ts";

const port = parentPort!;
const send = (message: FromThread) => port.postMessage(message);
let running: AbortController | undefined;

port.on("message", (message: ToThread) => {
  if (message.type === "cancel") running?.abort(new Error("cancelled"));
  else void run(message.request, message.policy);
});

async function run(request: Parameters<typeof scan>[0], policy: ThreadPolicy): Promise<void> {
  const controller = new AbortController();
  running = controller;
  const table = policy.dnsTable;
  try {
    // Server mode: only the operator names a DNS server; whatever the request carried is replaced.
    const report = await scan(
      { ...request, dnsServer: policy.dnsServer ?? null },
      {
        guard: publicOnlyGuard(policy.allowAddresses),
        allowNonDefaultPorts: policy.allowNonDefaultPorts,
        ...(table ? { lookup: async (host: string) => lookupIn(table, host) } : {}),
        onProgress: (event) => send({ type: "progress", event }),
        signal: controller.signal,
      },
    );
    send({ type: "report", report });
  } catch (error) {
    send({ type: "error", message: error instanceof Error ? error.message : String(error) });
  } finally {
    if (running === controller) running = undefined;
  }
}

function lookupIn(table: Readonly<Record<string, readonly string[]>>, host: string): string[] {
  const addresses = table[host];
  if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
  return [...addresses];
}
