import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomUtils, parseDocument } from "htmlparser2";
import type { Finding } from "../core/finding.ts";
import { findingFingerprint } from "../core/fingerprint.ts";
import type { Stack } from "../core/stack.ts";
import type { Report } from "../engine/report.ts";
import { inertnessProblems, structureProblems } from "../../test/support/inert-html.ts";
import { renderHtml, renderReportSection, REPORT_CSS } from "./html.ts";
import { FORMATS, render } from "./index.ts";
import { severityBar } from "./severity-chart.ts";

const FIXES: Finding["fixes"] = {
  express:
    "Use an exact list:\n```js\napp.use(cors({ origin: ['https://app.example.com'], credentials: true }));\n```",
  nextjs: "Answer only listed origins in `middleware.ts`.",
  fastapi: "```python\napp.add_middleware(CORSMiddleware, allow_origins=['https://app.example.com'])\n```",
  nginx: "```nginx\nadd_header Vary Origin always;\n```",
};

function finding(overrides: Partial<Finding> = {}): Finding {
  return {
    id: "cors.origin-reflected",
    title: "Any website can read this API as the logged-in user",
    severity: "high",
    cvss: { vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:L/A:N", score: 7.1 },
    cwe: "CWE-942",
    references: [
      { title: "MDN: CORS", url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Guides/CORS" },
    ],
    explanation: "The server echoes any Origin with credentials, e.g. `cors({ origin: true })`.",
    fixes: FIXES,
    learn: "cors#origin-reflected",
    url: "https://app.example.com/api/me",
    urls: ["https://app.example.com/api/me"],
    summary: "https://app.example.com/api/me echoes any Origin and allows credentials.",
    evidence: [
      {
        note: "An unrelated origin was echoed back.",
        request: {
          method: "GET",
          url: "https://app.example.com/api/me",
          headers: [["origin", "https://evil.example"]],
        },
        response: {
          status: 200,
          headers: [
            ["access-control-allow-origin", "https://evil.example"],
            ["access-control-allow-credentials", "true"],
          ],
          bodyExcerpt: '{"email":"ada@example.com"}',
          bodyTruncated: false,
        },
        curl: "curl -i -s -H 'origin: https://evil.example' 'https://app.example.com/api/me'",
      },
    ],
    details: { originTried: "https://evil.example" },
    poc: '<!doctype html><script>fetch("https://app.example.com/api/me",{credentials:"include"})</script>',
    aiPrompt: "A security scan (amihackable) of my site found this problem: ...",
    ...overrides,
  };
}

function report(findings: Finding[], overrides: Partial<Report> = {}): Report {
  const bySeverity = { info: 0, low: 0, medium: 0, high: 0, critical: 0 };
  for (const f of findings) bySeverity[f.severity]++;
  return {
    schemaVersion: "1.0.0",
    scanner: { name: "amihackable", version: "0.1.0" },
    target: { input: "app.example.com", url: "https://app.example.com/" },
    startedAt: "2025-01-01T00:00:00.000Z",
    finishedAt: "2025-01-01T00:00:02.000Z",
    durationMs: 2000,
    outcome: "complete",
    summary: { total: findings.length, bySeverity, highest: null, grade: "C" },
    detectedStack: [],
    findings,
    probed: { probes: [], checks: [], urls: [] },
    requests: { sent: 12, budget: 150, failed: 0 },
    issues: [],
    ...overrides,
  };
}

const LONG = "A".repeat(100_000);
const EVIL = [
  "<script>alert(1)</script>",
  `"><img src=x onerror=alert(1)>`,
  `'><svg onload=alert(1)>`,
  "</pre><script>alert(2)</script>",
  "</code></pre></details></article></section><script>alert(3)</script>",
  "javascript:alert(4)",
  "\u202Egnp.exe\u202C \u2066x\u2069 \u200F",
  "<style>*{display:none}</style>",
  "<!-- <![CDATA[ ]]>",
  `<a href="javascript:alert(5)">x</a>`,
  "\u0000\u001b[31m",
].join(" ");

/** A report where every string came from an attacker, as the renderer must assume. */
function hostileReport(): Report {
  const evilFinding = finding({
    id: `cors.x${EVIL}`,
    title: EVIL,
    severity: "critical",
    cvss: { vector: `CVSS:3.1/${EVIL}`, score: Number.NaN },
    cwe: `CWE-1${EVIL}`,
    references: [
      { title: EVIL, url: "javascript:alert(6)" },
      { title: EVIL, url: " java\tscript:alert(7)" },
      { title: EVIL, url: "data:text/html,<script>alert(8)</script>" },
    ],
    explanation: `${EVIL} \`${EVIL}\``,
    fixes: {
      express: `${EVIL}\n\n[click](javascript:alert(9)) ![i](https://evil.example/x.png) <javascript:alert(10)>\n\n<script>x<img src=x onerror=alert(11)//</script>\n\n\`\`\`js"><script>\n${EVIL}\n\`\`\``,
      nginx: LONG,
      [EVIL]: EVIL,
    },
    learn: `cors#x" onmouseover="alert(12)`,
    url: "javascript:alert(13)",
    urls: ["javascript:alert(13)", "data:text/html,hi", `https://app.example.com/${EVIL}`, LONG],
    summary: `${EVIL} ${LONG}`,
    evidence: [
      {
        note: EVIL,
        request: {
          method: EVIL,
          url: `https://app.example.com/?q=${EVIL}`,
          headers: [
            [EVIL, EVIL],
            ["x-long", LONG],
          ],
        },
        response: {
          status: 200,
          headers: [[EVIL, `${EVIL}${LONG}`]],
          bodyExcerpt: `${EVIL}\n${LONG}`,
          bodyTruncated: true,
        },
        curl: `curl '${EVIL}'`,
      },
    ],
    details: { [EVIL]: EVIL },
    poc: `${EVIL}${LONG}`,
    aiPrompt: `${EVIL}${LONG}`,
  });
  return report([evilFinding, finding({ severity: "weird" as Finding["severity"] })], {
    target: { input: EVIL, url: "javascript:alert(14)", finalUrl: `https://x.example/${EVIL}` },
    startedAt: EVIL,
    summary: {
      total: 2,
      bySeverity: { critical: "1" as unknown as number, high: -5, medium: Infinity, low: 2, info: 1 },
      highest: "critical",
      grade: `${EVIL}A+`,
    },
    detectedStack: [EVIL as Stack, "express"],
    issues: [{ kind: "budget", message: EVIL, url: "javascript:alert(15)" }],
  });
}

describe("HTML report: hostile input", () => {
  const hostile = hostileReport();

  for (const [name, output] of [
    ["standalone document", () => renderHtml(hostile)],
    ["standalone document with nonce", () => renderHtml(hostile, { nonce: "bm9uY2UtdmFsdWU=" })],
    ["page fragment", () => renderReportSection(hostile, { learnBase: "/learn/" })],
    ["page fragment with nonce", () => renderReportSection(hostile, { nonce: "bm9uY2UtdmFsdWU=" })],
  ] as const) {
    it(`${name}: nothing executable, nothing loads, structure intact`, () => {
      const markup = output();
      assert.deepEqual(inertnessProblems(markup), []);
      assert.deepEqual(structureProblems(markup), []);
      assert.equal(DomUtils.getElementsByTagName("script", parseDocument(markup)).length, 0);
    });
  }

  it("shows hostile text escaped, bidi controls as visible markers, and URLs other than http(s) as text", () => {
    const markup = renderHtml(hostile);
    assert.ok(markup.includes("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert.ok(markup.includes("⟦U+202E⟧gnp.exe⟦U+202C⟧"));
    assert.ok(markup.includes("⟦U+001B⟧"));
    assert.doesNotMatch(markup, /[\u202a-\u202e\u2066-\u2069\u200f\u0000\u001b]/);
    assert.ok(markup.includes("javascript:alert(13)"), "the URL is still shown, as text");
    assert.doesNotMatch(markup, /href="\s*(?:javascript|data|vbscript):/i);
  });

  it("keeps a closing </pre> from the body inside the evidence block", () => {
    const doc = parseDocument(renderHtml(hostile));
    const pres = DomUtils.getElementsByTagName("pre", doc).map((pre) => DomUtils.textContent(pre));
    assert.ok(pres.some((pre) => pre.includes("</pre><script>alert(2)</script>")));
  });

  it("bounds 100 KB lines and says what it left out", () => {
    const markup = renderHtml(hostile);
    assert.ok(markup.length < 600_000, `output is ${markup.length} characters`);
    assert.match(markup, /more characters not shown/);
  });

  it("does not link a Learn reference that is not a plain slug#anchor", () => {
    assert.doesNotMatch(renderReportSection(hostile), /onmouseover/);
  });

  it("refuses a nonce that could break out of its attribute", () => {
    assert.throws(() => renderHtml(hostile, { nonce: `x" onload="alert(1)` }), TypeError);
    assert.throws(() => renderReportSection(hostile, { nonce: "short" }), TypeError);
  });
});

describe("HTML report: content", () => {
  const critical = finding({
    id: "secret.stripe-secret-key",
    title: "A live Stripe secret key is in your JavaScript",
    severity: "critical",
    cvss: { vector: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:C/C:H/I:H/A:N", score: 10 },
    learn: "secrets-in-bundles#stripe-secret-key",
    poc: undefined,
  });
  const high = finding();
  const info = finding({ id: "info.server-version", severity: "info", learn: "information-leaks" });
  const full = report([critical, high, info], { detectedStack: ["nginx", "nextjs"] });

  it("groups findings by severity, most severe first", () => {
    const markup = renderReportSection(full);
    const order = ["Critical findings", "High findings", "Info findings"].map((label) =>
      markup.indexOf(`aria-label="${label}"`),
    );
    assert.ok(order.every((i) => i >= 0));
    assert.deepEqual(
      order,
      [...order].sort((a, b) => a - b),
    );
    assert.doesNotMatch(markup, /aria-label="Medium findings"/);
  });

  it("shows the grade and a severity chart at a glance", () => {
    const markup = renderReportSection(full);
    assert.match(markup, /class="amh-grade amh-grade-c"[^>]*>C<small>/);
    assert.match(markup, /<svg class="amh-bar"[^>]*aria-label="1 critical, 1 high, 1 info"/);
  });

  it("shows title, CVSS score and vector, evidence, curl and the explanation", () => {
    const markup = renderReportSection(full);
    assert.ok(markup.includes("Any website can read this API as the logged-in user"));
    assert.ok(markup.includes("CVSS 7.1"));
    assert.ok(
      markup.includes(
        'href="https://www.first.org/cvss/calculator/3.1#CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:L/A:N"',
      ),
    );
    assert.ok(markup.includes("GET https://app.example.com/api/me\norigin: https://evil.example"));
    assert.ok(markup.includes("HTTP 200\naccess-control-allow-origin: https://evil.example"));
    assert.ok(markup.includes("curl -i -s -H &#39;origin: https://evil.example&#39;"));
    assert.ok(markup.includes("<code>cors({ origin: true })</code>"));
  });

  it("lists the fix for the detected stacks first, every stack collapsed until asked for", () => {
    const markup = renderReportSection(full);
    const article = markup.slice(markup.indexOf('aria-label="High findings"'));
    const stacks = [...article.matchAll(/<details class="amh-stack"( open)?><summary>([^<]+)/g)]
      .slice(0, 4)
      .map(([, open, label]) => `${label}${open ? " (open)" : ""}`);
    assert.deepEqual(stacks, ["nginx", "Next.js", "Express", "FastAPI"]);
    assert.match(article, /<pre><code class="language-js">app\.use\(cors/);
    assert.doesNotMatch(markup, /<details class="amh-evidence" open/);
  });

  it("starts with the findings to fix first, most severe and least work first, each with its fix", () => {
    const header = finding({
      id: "headers.hsts-missing",
      title: "No HSTS",
      severity: "high",
      fixes: {
        nginx:
          "In `server`:\n```nginx\n# HSTS\nadd_header Strict-Transport-Security max-age=63072000 always;\n```",
      },
    });
    const markup = renderReportSection(report([critical, high, header, info], { detectedStack: ["nginx"] }));
    const first = markup.slice(markup.indexOf("Fix these first"), markup.indexOf("</ol>"));
    const titles = [...first.matchAll(/<a href="#amh-finding-(\d+)">([^<]+)<\/a>/g)].map(
      ([, n, t]) => `${n} ${t}`,
    );
    // The critical first; of the two highs, the header (low effort) before the CORS policy (medium).
    assert.equal(titles.length, 3, "info findings are not in it");
    assert.match(titles[0]!, /^1 /);
    // Numbers are the findings' places in the report (CORS is shown before HSTS in the high group).
    assert.equal(titles[1], "3 No HSTS");
    assert.match(titles[2]!, /^2 Any website can read this API/);
    assert.match(
      first,
      /nginx:<\/span> <code>add_header Strict-Transport-Security max-age=63072000 always;<\/code>/,
    );
    assert.match(first, /\(low effort\)/);
    // A fix that opens with a sentence saying what to do gives that sentence, not a line of code out of context.
    const prose = finding({
      id: "cookie.missing-secure",
      title: "No Secure flag",
      severity: "critical",
      fixes: {
        nginx: "1. Mark every cookie **Secure** behind the proxy:\n```nginx\nproxy_pass http://app;\n```",
      },
    });
    const gist = renderReportSection(report([prose], { detectedStack: ["nginx"] }));
    assert.match(gist, /nginx:<\/span> Mark every cookie Secure behind the proxy\.<\/li>/);
    assert.doesNotMatch(gist.slice(0, gist.indexOf("</ol>")), /proxy_pass/);
    assert.ok(markup.indexOf("Fix these first") < markup.indexOf('aria-label="Critical findings"'));
  });

  it("shows one exchange once: repeated within a finding or across findings it is linked, not printed", () => {
    const exchange = finding().evidence[0]!;
    const twice = finding({
      evidence: [
        { ...exchange, exchangeId: 1 },
        { ...exchange, exchangeId: 2 },
      ],
    });
    const again = finding({
      id: "cors.null-origin",
      title: "Null origin",
      evidence: [{ ...exchange, exchangeId: 3 }],
    });
    const markup = renderReportSection(report([twice, again]));
    assert.equal(markup.split("HTTP 200\naccess-control-allow-origin").length - 1, 1);
    assert.match(markup, /<a href="#amh-finding-1">The same exchange is shown under finding 1\.<\/a>/);
  });

  it("shows the proof of concept as source, never as markup", () => {
    const markup = renderReportSection(full);
    assert.ok(markup.includes('<details class="amh-poc">'));
    assert.ok(markup.includes("&lt;!doctype html&gt;&lt;script&gt;fetch("));
    assert.equal(markup.split('<details class="amh-poc">').length - 1, 2, "only findings with a PoC");
  });

  it("offers the AI prompt in a copyable block", () => {
    assert.match(
      renderReportSection(full),
      /<summary>Fix it with your AI<\/summary>[\s\S]*?<pre class="amh-pre amh-prompt" data-amh-copy="prompt"><code>A security scan \(amihackable\)/,
    );
  });

  it("links each finding to its Learn article and anchor", () => {
    const page = renderReportSection(full);
    assert.ok(page.includes('href="/learn/cors#origin-reflected"'));
    assert.ok(page.includes('href="/learn/secrets-in-bundles#stripe-secret-key"'));
    assert.ok(page.includes('href="/learn/information-leaks"'));
    const hosted = renderReportSection(full, { learnBase: "https://amihackable.example/learn/" });
    assert.ok(hosted.includes('href="https://amihackable.example/learn/cors#origin-reflected"'));
    assert.ok(
      renderHtml(full).includes('href="https://github.com/amihackable/amihackable/blob/main/learn/cors.md"'),
    );
  });

  it("is a complete offline document with its own CSP and a nonce'd style when asked", () => {
    const plain = renderHtml(full);
    assert.match(plain, /^<!doctype html>\n<html lang="en">/);
    assert.match(plain, /content="default-src 'none'; style-src 'unsafe-inline';/);
    assert.doesNotMatch(plain, /url\(|@import|<link/);
    const nonced = renderHtml(full, { nonce: "abcDEF123456" });
    assert.match(nonced, /style-src 'nonce-abcDEF123456'/);
    assert.match(nonced, /<style nonce="abcDEF123456">/);
    assert.equal(nonced.split("<style").length - 1, 1);
  });

  it("leaves the fragment's styling to the page unless given a nonce", () => {
    assert.doesNotMatch(renderReportSection(full), /<style/);
    const styled = renderReportSection(full, { nonce: "abcDEF123456" });
    assert.ok(styled.startsWith(`<style nonce="abcDEF123456">${REPORT_CSS}</style>`));
  });

  it("marks as new the findings whose fingerprints it is given, and only those", () => {
    const headings = (markup: string) =>
      DomUtils.findAll((element) => element.name === "h4", parseDocument(markup).children).map((h4) =>
        DomUtils.textContent(h4),
      );
    assert.deepEqual(
      headings(renderReportSection(full, { newFindings: new Set([findingFingerprint(high)]) })),
      [critical.title, `${high.title} new`, info.title],
    );
    assert.doesNotMatch(renderReportSection(full), /amh-new/);
    assert.doesNotMatch(renderReportSection(full, { newFindings: new Set(["0".repeat(64)]) }), /amh-new/);
  });

  it("says when there is nothing to report, and why a scan failed", () => {
    assert.match(renderReportSection(report([])), /No findings/);
    const failed = renderReportSection(
      report([], { outcome: "unreachable", failure: "DNS lookup for app.example.com failed." }),
    );
    assert.match(failed, /Could not scan:<\/strong> DNS lookup for app\.example\.com failed\./);
    assert.doesNotMatch(failed, /amh-glance/);
  });

  it("is a CLI format", () => {
    assert.ok((FORMATS as readonly string[]).includes("html"));
    assert.equal(render(full, "html"), renderHtml(full));
  });
});

describe("severity bar", () => {
  it("fills its width exactly and keeps a lone finding visible", () => {
    const svg = severityBar({ critical: 0, high: 1, medium: 0, low: 0, info: 400 });
    const widths = [...svg.matchAll(/<rect x="\d+" width="(\d+)"/g)].map((m) => Number(m[1]));
    assert.equal(
      widths.reduce((a, b) => a + b, 0),
      320,
    );
    assert.ok(widths[0]! >= 4);
  });

  it("says so when there are no findings", () => {
    assert.match(severityBar({}), /aria-label="No findings"/);
  });
});

describe("the inertness check itself", () => {
  it("catches what it is meant to catch", () => {
    for (const bad of [
      "<script>alert(1)</script>",
      '<a href="javascript:alert(1)">x</a>',
      '<a href=" java&#9;script:alert(1)">x</a>',
      '<a href="data:text/html,x">x</a>',
      "<div onclick=alert(1)>x</div>",
      '<svg><a xlink:href="javascript:alert(1)"><text>x</text></a></svg>',
      '<meta http-equiv="refresh" content="0;url=https://evil.example">',
      '<p style="background:url(https://evil.example)">x</p>',
      '<iframe srcdoc="x"></iframe>',
      "<p>\u202Ex</p>",
    ])
      assert.notDeepEqual(inertnessProblems(bad), [], bad);
    assert.deepEqual(
      inertnessProblems('<script nonce="n0nce-value">x</script>', { allowedNonce: "n0nce-value" }),
      [],
    );
    assert.notDeepEqual(structureProblems("<pre><code>x</pre>"), []);
  });
});
