import { randomBytes } from "node:crypto";
import { html, site } from "../test/fixtures/headers/pages.ts";
import { scanFixtureAlone } from "../test/support/scan-fixture.ts";
import { startServer } from "../test/support/server.ts";

/**
 * What the headers.* and cookie.* families cost: a full scan of a small realistic site (nonce CSP, session
 * cookie, links to login/pricing/about, an API) with those families, against a CORS-only scan of the same
 * site. Loopback only; medians of a few runs.
 */
const RUNS = 7;

export default async function bench(): Promise<void> {
  const nonceCsp = () =>
    `script-src 'nonce-${randomBytes(16).toString("base64")}' 'strict-dynamic'; object-src 'none'; base-uri 'none'`;
  const common = {
    "content-security-policy": nonceCsp,
    "x-frame-options": "DENY",
    "x-content-type-options": "nosniff",
  };
  const links = '<a href="/login">Log in</a> <a href="/pricing">Pricing</a> <a href="/about">About</a>';
  const server = await startServer(
    site({
      "/": {
        headers: { ...common, "set-cookie": "theme=dark; Path=/; SameSite=Lax" },
        body: html('<script src="/app.js"></script>', links),
      },
      "/app.js": { type: "text/javascript", body: 'fetch("/api/me",{credentials:"include"})' },
      "/login": { headers: { ...common, "set-cookie": "sessionid=abcdef0123456789; Path=/; HttpOnly" } },
      "/pricing": { headers: common },
      "/about": { headers: common },
      "/api/me": { type: "application/json", body: '{"user":null}' },
    }),
  );
  try {
    const configs = { cors: ["cors"], ours: ["headers", "cookie"], both: ["cors", "headers", "cookie"] };
    const samples = new Map<string, { times: number[]; requests: number; findings: number }>();
    // Warm up (JIT, connection setup), then interleave the configurations so drift hits them alike.
    for (const only of Object.values(configs)) await scanFixtureAlone(server, { only });
    for (let run = 0; run < RUNS; run++) {
      for (const [name, only] of Object.entries(configs)) {
        const started = performance.now();
        const report = await scanFixtureAlone(server, { only });
        const sample = samples.get(name) ?? { times: [], requests: 0, findings: 0 };
        sample.times.push(performance.now() - started);
        sample.requests = report.requests.sent;
        sample.findings = report.findings.length;
        samples.set(name, sample);
      }
    }
    const median = (name: string) => {
      const sample = samples.get(name)!;
      const times = [...sample.times].sort((a, b) => a - b);
      return {
        ms: times[Math.floor(times.length / 2)]!,
        requests: sample.requests,
        findings: sample.findings,
      };
    };
    const [cors, ours, both] = [median("cors"), median("ours"), median("both")];
    const row = (label: string, r: { ms: number; requests: number; findings: number }) =>
      console.log(
        `${label.padEnd(28)} ${r.ms.toFixed(1).padStart(7)} ms  ${String(r.requests).padStart(3)} requests  ${r.findings} findings`,
      );
    console.log(`median of ${RUNS} full scans on loopback`);
    row("cors only", cors);
    row("headers + cookie only", ours);
    row("cors + headers + cookie", both);
    console.log(
      `headers + cookie add ${both.requests - cors.requests} requests and ${(both.ms - cors.ms).toFixed(1)} ms to a CORS scan (budget: <= 20 requests, < 300 ms for headers/cookie/tls/info together)`,
    );
  } finally {
    await server.close();
  }
}
