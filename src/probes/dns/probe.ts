import type { DnsQueryRecord } from "../../core/index.ts";
import {
  DISCOVERY_PROBE,
  DNS_PROBE,
  DNS_ROLE,
  DnsRecords,
  HOST_LABEL,
  type DnsRequest,
} from "../../artifacts/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";
import { sameSiteHosts } from "./site-hosts.ts";
import { askMailRecords } from "./mail.ts";
import { followCnames, fetchUnclaimedPage } from "./takeover.ts";

/** Zone transfers are asked of at most this many of the zone's name servers. */
const MAX_TRANSFER_SERVERS = 3;

/**
 * Asks the DNS about the target's registrable domain: its mail records (SPF, MX, DMARC and what the SPF
 * record includes), CAA from the host up, the CNAME chains of the host and of same-site hosts the page
 * uses (and, for a chain that ends at a claimable hosting service, that host's page), and a zone
 * transfer from each name server. Read-only questions only, each counted and recorded; nothing at all for
 * a target without a registrable domain (an IP address, localhost). About 10 to 20 questions.
 */
export const dnsProbe: Probe = {
  name: DNS_PROBE,
  title: "Asking DNS",
  after: [DISCOVERY_PROBE],
  produces: [DnsRecords],
  async run(context) {
    const domain = context.target.registrableDomain;
    if (!domain) return;
    const requested = context.requested(DnsRecords) as ReadonlySet<DnsRequest>;
    const wants = (request: DnsRequest) => requested.size === 0 || requested.has(request);
    context.progress(`Asking DNS about ${domain}`);
    await Promise.all([
      wants("mail") ? askMailRecords(context, domain) : undefined,
      wants("caa") ? askCaa(context, domain) : undefined,
      wants("takeover") ? askTakeovers(context) : undefined,
      wants("zone-transfer") ? askTransfers(context, domain) : undefined,
    ]);
  },
};

/** RFC 8659 3: the closest name with CAA records decides; climb from the host to the registrable domain. */
async function askCaa(context: ProbeContext, domain: string): Promise<void> {
  const labels = context.target.hostname.split(".");
  const depth = domain.split(".").length;
  for (let start = 0; labels.length - start >= depth; start++) {
    const name = labels.slice(start).join(".");
    const answer = await context.dns.query(name, "CAA", { probe: DNS_PROBE, labels: { role: DNS_ROLE.caa } });
    // Records decide; a failure leaves the answer unknown, and asking the parent would not change that.
    if (answer.outcome !== "no-data" && answer.outcome !== "no-such-name") return;
  }
}

async function askTakeovers(context: ProbeContext): Promise<void> {
  const hosts = sameSiteHosts(context.target, context.discovery);
  await Promise.all(
    hosts.map(async ({ host, origin }) => {
      const chain = await followCnames(context, host);
      await fetchUnclaimedPage(context, host, origin, chain);
    }),
  );
}

async function askTransfers(context: ProbeContext, domain: string): Promise<void> {
  const ns: DnsQueryRecord = await context.dns.query(domain, "NS", {
    probe: DNS_PROBE,
    labels: { role: DNS_ROLE.ns },
  });
  if (ns.outcome !== "answered") return;
  const servers = [...new Set(ns.answers)].sort().slice(0, MAX_TRANSFER_SERVERS);
  await Promise.all(
    servers.map((server) =>
      context.dns.transfer(domain, server, {
        probe: DNS_PROBE,
        labels: { role: DNS_ROLE.transfer, [HOST_LABEL]: server },
      }),
    ),
  );
}
