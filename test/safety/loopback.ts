import type { ScanOptions } from "../support/scan-url.ts";

/**
 * Scan options that make a test's scan physically unable to leave the machine: every name not pinned
 * with `resolve` fails to resolve (the names asked for are kept, so a test can say which ones a probe
 * tried), and the guard lets sockets open to loopback addresses only, IP literals included.
 */
export function loopbackOnly(): Required<Pick<ScanOptions, "lookup" | "guard" | "allowNonDefaultPorts">> & {
  lookedUp: string[];
} {
  const lookedUp: string[] = [];
  return {
    lookedUp,
    lookup: async (host) => {
      lookedUp.push(host);
      throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: "ENOTFOUND" });
    },
    guard: {
      check: (address, host) =>
        address === "127.0.0.1" || address === "::1"
          ? null
          : `${host} (${address}) is not a loopback address`,
    },
    allowNonDefaultPorts: true,
  };
}

/** The methods a read-only scanner may use, and the one POST the HTTP layer allows. */
export function isReadOnly(method: string, path: string): boolean {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return true;
  return method === "POST" && /^\/storage\/v1\/object\/list\/[^/?]+$/.test(path.split("?")[0] ?? "");
}
