import type { DnsQueryRecord } from "../../core/index.ts";
import { DNS_PROBE, DNS_ROLE, HOST_LABEL, takeoverServiceFor } from "../../artifacts/index.ts";
import type { ProbeContext } from "../probe.ts";

/** CNAME chains longer than this are not followed further (real ones have two or three links). */
const MAX_CHAIN = 5;
/** A "nothing here" page is short; reading this much of it finds the fingerprint. */
const PAGE_BYTES = 64 * 1024;

/**
 * Follows `host`'s CNAME chain one question at a time, to its end: the last question asks about the last
 * target, so "no such name" there is the NXDOMAIN sign some services give for an unclaimed resource.
 */
export async function followCnames(context: ProbeContext, host: string): Promise<DnsQueryRecord[]> {
  const steps: DnsQueryRecord[] = [];
  const seen = new Set<string>([host]);
  let name = host;
  while (steps.length < MAX_CHAIN) {
    const step = await context.dns.query(name, "CNAME", {
      probe: DNS_PROBE,
      labels: { role: DNS_ROLE.cname, [HOST_LABEL]: host },
    });
    steps.push(step);
    const next = step.outcome === "answered" ? step.answers[0] : undefined;
    if (!next || seen.has(next)) break;
    seen.add(next);
    name = next;
  }
  return steps;
}

/**
 * When the chain points at a claimable service whose sign is a page ("The specified bucket does not
 * exist"), fetches the host's front page once, so the check can look for the fingerprint.
 */
export async function fetchUnclaimedPage(
  context: ProbeContext,
  host: string,
  origin: string,
  steps: readonly DnsQueryRecord[],
): Promise<void> {
  const targets = steps.filter((step) => step.outcome === "answered").map((step) => step.answers[0] ?? "");
  const service = targets.map(takeoverServiceFor).find(Boolean);
  if (service?.sign.kind !== "body") return;
  await context.http.send({
    method: "GET",
    url: `${origin}/`,
    probe: DNS_PROBE,
    labels: { role: DNS_ROLE.takeoverPage, [HOST_LABEL]: host },
    maxBodyBytes: PAGE_BYTES,
  });
}
