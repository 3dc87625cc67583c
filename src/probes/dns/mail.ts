import { DNS_PROBE, DNS_ROLE, isSpfRecord, spfReferences } from "../../artifacts/index.ts";
import type { ProbeContext } from "../probe.ts";

/** SPF records an SPF record pulls in are asked for at most this many times: past 10 lookups is already a finding. */
const MAX_SPF_REFERENCES = 12;

/** TXT, MX and _dmarc TXT of the domain, then the TXT of every domain its SPF record includes, breadth first. */
export async function askMailRecords(context: ProbeContext, domain: string): Promise<void> {
  const ask = (name: string, type: "TXT" | "MX", role: string) =>
    context.dns.query(name, type, { probe: DNS_PROBE, labels: { role } });
  const [txt] = await Promise.all([
    ask(domain, "TXT", DNS_ROLE.domainTxt),
    ask(domain, "MX", DNS_ROLE.mx),
    ask(`_dmarc.${domain}`, "TXT", DNS_ROLE.dmarc),
  ]);
  const seen = new Set<string>([domain]);
  let queue = txt.answers.filter(isSpfRecord).flatMap(spfReferences);
  let asked = 0;
  while (queue.length > 0 && asked < MAX_SPF_REFERENCES) {
    const wave = [...new Set(queue)].filter((name) => !seen.has(name)).slice(0, MAX_SPF_REFERENCES - asked);
    if (wave.length === 0) break;
    for (const name of wave) seen.add(name);
    asked += wave.length;
    const answers = await Promise.all(wave.map((name) => ask(name, "TXT", DNS_ROLE.spfReference)));
    queue = answers.flatMap((answer) => answer.answers.filter(isSpfRecord).flatMap(spfReferences));
  }
}
