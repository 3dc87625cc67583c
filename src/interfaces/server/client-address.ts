import type { IncomingMessage } from "node:http";
import ipaddr from "ipaddr.js";

/**
 * Who a request is from, for rate limiting. Behind a reverse proxy (trustProxy) the proxy's own
 * X-Forwarded-For entry, the last one, names the client; earlier entries are whatever the client
 * claimed. IPv6 clients are grouped by /64, since one host usually has a whole /64 to rotate through.
 */
export function clientKey(req: IncomingMessage, trustProxy: boolean): string {
  let address = req.socket.remoteAddress ?? "unknown";
  if (trustProxy) {
    const forwarded = String(req.headers["x-forwarded-for"] ?? "")
      .split(",")
      .map((part) => part.trim())
      .filter(Boolean)
      .at(-1);
    if (forwarded) address = forwarded;
  }
  if (!ipaddr.isValid(address)) return address.slice(0, 64);
  const parsed = ipaddr.process(address);
  if (parsed.kind() === "ipv4") return parsed.toString();
  return `${(parsed as ipaddr.IPv6).parts
    .slice(0, 4)
    .map((part) => part.toString(16))
    .join(":")}::/64`;
}

/** Whether the visitor reached us over https (directly, or through a trusted proxy that says so). */
export function isHttps(req: IncomingMessage, trustProxy: boolean): boolean {
  if ((req.socket as { encrypted?: boolean }).encrypted) return true;
  return (
    trustProxy &&
    String(req.headers["x-forwarded-proto"] ?? "")
      .split(",")[0]
      ?.trim() === "https"
  );
}
