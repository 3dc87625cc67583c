import http from "node:http";
import { listen } from "../test/support/server.ts";
import { startDnsServer, wellConfiguredZone, type ZoneRecord } from "../test/support/dns-server.ts";
import { scanUrl } from "../test/support/scan-url.ts";
import type { RecordedScan } from "../src/engine/recording-file.ts";

/**
 * `npm run bench -- dns`: what the dns family costs a typical site, in DNS questions, HTTP requests and
 * time, against a test DNS server on loopback: a zone with SPF (two includes), DMARC, CAA at the apex,
 * two name servers that refuse AXFR, and a page that uses three same-site hosts (one a CNAME to a CDN).
 */
const RUNS = 5;
const DOMAIN = "bench-dns.test";
const HOST = `app.${DOMAIN}`;

const zone: ZoneRecord[] = [
  ...wellConfiguredZone(DOMAIN, [HOST, `api.${DOMAIN}`, `static.${DOMAIN}`]).filter(
    (record) => !(record.type === "TXT" && record.name === DOMAIN),
  ),
  { name: DOMAIN, type: "TXT", data: ["v=spf1 include:_spf.mail.test include:mailgun.test mx -all"] },
  {
    name: "_spf.mail.test",
    type: "TXT",
    data: ["v=spf1 ip4:192.0.2.0/24 include:_netblocks.mail.test ~all"],
  },
  { name: "_netblocks.mail.test", type: "TXT", data: ["v=spf1 ip4:198.51.100.0/24 ~all"] },
  { name: "mailgun.test", type: "TXT", data: ["v=spf1 ip4:203.0.113.0/24 ~all"] },
  { name: DOMAIN, type: "NS", data: `ns2.${DOMAIN}` },
  { name: `ns2.${DOMAIN}`, type: "A", data: "127.0.0.1" },
  { name: `cdn.${DOMAIN}`, type: "CNAME", data: "d9.cdn-edge.test" },
  { name: "d9.cdn-edge.test", type: "A", data: "127.0.0.1" },
];

export default async function bench(): Promise<void> {
  const dns = await startDnsServer({ records: zone });
  const server = await listen(
    http.createServer((req, res) => {
      const port = (req.headers.host ?? "").split(":")[1] ?? "";
      res.writeHead(200, { "content-type": "text/html" });
      res.end(
        `<!doctype html><title>Shop</title><script src="http://static.${DOMAIN}:${port}/app.js"></script>` +
          `<a href="http://api.${DOMAIN}:${port}/docs">API</a><a href="http://cdn.${DOMAIN}:${port}/">CDN</a>`,
      );
    }),
  );
  try {
    const walls: number[] = [];
    let questions = 0;
    let requests = 0;
    let dnsRequests = 0;
    for (let run = 0; run < RUNS; run++) {
      let recorded: RecordedScan | undefined;
      const started = performance.now();
      const report = await scanUrl(`http://${HOST}:${server.port}/`, {
        only: ["dns"],
        dnsServer: dns.address,
        resolve: [
          `${HOST}:${server.port}:127.0.0.1`,
          `ns1.${DOMAIN}:53:127.0.0.1:${dns.port}`,
          `ns2.${DOMAIN}:53:127.0.0.1:${dns.port}`,
        ],
        onRecorded: (scan) => (recorded = scan),
      });
      walls.push(performance.now() - started);
      questions = (recorded?.recording.dns ?? []).filter((q) => q.probe === "dns").length;
      requests = report.requests.sent;
      dnsRequests = (recorded?.recording.exchanges ?? []).filter((e) => e.probe === "dns").length;
    }
    const median = [...walls].sort((a, b) => a - b)[Math.floor(RUNS / 2)] ?? 0;
    console.log(
      `dns family (--only dns) | median ${Math.round(median)} ms over ${RUNS} runs | ${questions} DNS questions (incl. AXFR) | ${requests} HTTP requests (${dnsRequests} by the dns probe, the rest discovery)`,
    );
  } finally {
    await server.close();
    await dns.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) await bench();
