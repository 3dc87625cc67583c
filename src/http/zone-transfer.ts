import { randomInt } from "node:crypto";
import net from "node:net";
import dnsPacket from "dns-packet";
import { BlockedAddressError, resolveConnectAddress, type ResolveSettings } from "./connector.ts";

export interface ZoneTransferSettings extends ResolveSettings {
  timeoutMs: number;
  /** The scan's deadline. */
  signal: AbortSignal;
  /** Most bytes read from the name server: enough to see that it hands the zone over, not to keep it. */
  maxBytes: number;
  /** How many distinct owner names to keep as evidence. */
  maxNames: number;
}

export interface ZoneTransferResult {
  outcome: "answered" | "refused" | "failed";
  /** Records received (the opening SOA included, the closing one not), up to where reading stopped. */
  transferred: number;
  names: string[];
  remoteAddress?: string;
  error?: string;
}

/** DNS response codes that mean "not for you" (RFC 1035 4.1.1, RFC 2136): the transfer was declined. */
const DECLINED_RCODES = new Set(["REFUSED", "NOTAUTH", "NOTIMP", "SERVFAIL", "NXDOMAIN", "FORMERR"]);

/**
 * Asks one name server for a full zone transfer (AXFR, RFC 5936) over TCP, as anyone on the internet
 * could. The connection goes through the shared resolution (pins, then the SSRF guard in server mode),
 * so a name server that resolves to a private address is refused before any socket opens. Reading is
 * bounded in time and bytes; the records are counted and a few owner names kept, never the whole zone.
 * Never throws.
 */
export async function transferZone(
  zone: string,
  nameServer: string,
  settings: ZoneTransferSettings,
): Promise<ZoneTransferResult> {
  let target;
  try {
    target = await resolveConnectAddress(nameServer, 53, settings);
  } catch (error) {
    const reason = error instanceof BlockedAddressError ? "blocked: " : "";
    return { outcome: "failed", transferred: 0, names: [], error: reason + messageOf(error) };
  }
  if (settings.signal.aborted)
    return { outcome: "failed", transferred: 0, names: [], error: "the scan deadline passed" };

  return new Promise<ZoneTransferResult>((resolve) => {
    const names = new Set<string>();
    let transferred = 0;
    let soaSeen = 0;
    let pending = Buffer.alloc(0);
    let received = 0;
    let settled = false;
    const socket = net.connect({ host: target.address, port: target.port });
    const finish = (outcome: ZoneTransferResult["outcome"], error?: string) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      settings.signal.removeEventListener("abort", onAbort);
      socket.destroy();
      // Records seen before a cut (time, size) still show that the server hands the zone out.
      const final = transferred > 0 ? "answered" : outcome;
      resolve({
        outcome: final,
        transferred,
        names: [...names],
        remoteAddress: target.address,
        ...(error && final !== "answered" ? { error } : {}),
      });
    };
    const timer = setTimeout(
      () => finish("failed", "the name server did not finish in time"),
      settings.timeoutMs,
    );
    const onAbort = () => finish("failed", "the scan deadline passed");
    settings.signal.addEventListener("abort", onAbort, { once: true });

    socket.once("connect", () => {
      const query = dnsPacket.streamEncode({
        type: "query",
        id: randomInt(1, 65535),
        flags: 0,
        questions: [{ type: "AXFR", name: zone, class: "IN" }],
      });
      socket.write(query);
    });
    socket.on("data", (chunk: Buffer) => {
      received += chunk.length;
      pending = Buffer.concat([pending, chunk]);
      // Each DNS message over TCP is preceded by its length in two bytes (RFC 1035 4.2.2).
      while (pending.length >= 2) {
        const length = pending.readUInt16BE(0);
        if (pending.length < 2 + length) break;
        const message = pending.subarray(2, 2 + length);
        pending = pending.subarray(2 + length);
        let decoded: dnsPacket.Packet;
        try {
          decoded = dnsPacket.decode(message);
        } catch {
          return finish("failed", "the name server sent a message that is not DNS");
        }
        // dns-packet decodes the response code as a name; its type definitions leave it out.
        const rcode = (decoded as dnsPacket.Packet & { rcode?: string }).rcode;
        if (rcode && rcode !== "NOERROR")
          return finish(DECLINED_RCODES.has(rcode) ? "refused" : "failed", rcode);
        for (const answer of decoded.answers ?? []) {
          if (answer.type === "SOA" && ++soaSeen === 2) return finish("answered");
          if (soaSeen === 0) return finish("refused", "the answer did not start with the zone's SOA");
          transferred++;
          if (names.size < settings.maxNames) names.add(answer.name.toLowerCase());
        }
        if ((decoded.answers ?? []).length === 0 && transferred === 0)
          return finish("refused", "the name server answered without records");
      }
      if (received > settings.maxBytes) finish("answered", "stopped reading at the size limit");
    });
    socket.once("error", (error) => finish("failed", error.message));
    socket.once("close", () => finish("refused", "the name server closed the connection"));
  });
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
