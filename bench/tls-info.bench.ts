import { Parser } from "htmlparser2";
import { insecureActiveContent } from "../src/checks/tls/active-content.ts";
import { testCa, trustTestCa } from "../test/support/certificates.ts";
import { startHttpsSite } from "../test/support/https-site.ts";
import { scanFixtureAlone } from "../test/support/scan-fixture.ts";
import type { Handler } from "../test/support/server.ts";

/**
 * What the tls.* and info.* families cost. (1) A scan of a small https site (http twin redirecting, TLS 1.2+)
 * with those families against a CORS-only scan of the same site: medians, and the requests and handshakes
 * they add. (2) The mixed-content tag scan (htmlparser2's tokenizer) against htmlparser2's Parser on a page
 * of unclosed <div>s, where the Parser's element stack makes it quadratic. Loopback only.
 */
const RUNS = 7;

const page: Handler = (req, res) => {
  if (req.url === "/") {
    res
      .writeHead(200, { "content-type": "text/html", server: "nginx" })
      .end('<!doctype html><title>Shop</title><script src="/app.js"></script><h1>Shop</h1>');
  } else if (req.url === "/app.js") {
    res.writeHead(200, { "content-type": "text/javascript" }).end('fetch("/api/products")');
  } else if (req.url?.startsWith("/api/")) {
    res.writeHead(200, { "content-type": "application/json" }).end('{"items":[]}');
  } else {
    res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
  }
};

export default async function bench(): Promise<void> {
  trustTestCa();
  const site = await startHttpsSite(page, testCa().issue({ names: ["app.fixture.test"] }));
  try {
    const configs = { cors: ["cors"], ours: ["tls", "info"] };
    const samples = new Map<string, { times: number[]; requests: number }>();
    const scanWith = (only: string[]) =>
      scanFixtureAlone(site.server, { scheme: "https", resolve: site.resolve, only });
    for (const only of Object.values(configs)) await scanWith(only);
    for (let run = 0; run < RUNS; run++) {
      for (const [name, only] of Object.entries(configs)) {
        const started = performance.now();
        const report = await scanWith(only);
        const sample = samples.get(name) ?? { times: [], requests: 0 };
        sample.times.push(performance.now() - started);
        sample.requests = report.requests.sent;
        samples.set(name, sample);
      }
    }
    const median = (name: string) => {
      const times = [...samples.get(name)!.times].sort((a, b) => a - b);
      return { ms: times[Math.floor(times.length / 2)]!, requests: samples.get(name)!.requests };
    };
    const [cors, ours] = [median("cors"), median("ours")];
    console.log(`https site, cors only:    ${cors.ms.toFixed(1)} ms median, ${cors.requests} requests`);
    console.log(
      `https site, tls + info:   ${ours.ms.toFixed(1)} ms median, ${ours.requests} requests ` +
        `(discovery's 2 + ${ours.requests - 2} from tls/info, 2 of them bare TLS handshakes)`,
    );
    console.log(`ratio tls+info / cors:    ${(ours.ms / cors.ms).toFixed(2)}`);
  } finally {
    await site.server.close();
  }

  for (const depth of [5_000, 20_000]) {
    const html = `<!doctype html><html><body>${"<div>".repeat(depth)}<script src="http://cdn.example.com/a.js"></script>`;
    let started = performance.now();
    insecureActiveContent(html, "https://app.fixture.test/");
    const tokenizer = performance.now() - started;
    started = performance.now();
    const parser = new Parser({}, { decodeEntities: true });
    parser.write(html);
    parser.end();
    const full = performance.now() - started;
    console.log(
      `${depth} unclosed <div>s: tag scan ${tokenizer.toFixed(1)} ms, htmlparser2 Parser ${full.toFixed(1)} ms ` +
        `(ratio ${(full / tokenizer).toFixed(1)})`,
    );
  }
}
