import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import { listArticles } from "../../src/learn/index.ts";
import { startDemoSite } from "../../src/interfaces/demo/vulnerable-site.ts";
import { loopbackScanning, startApp, type Response, type RunningApp } from "../api/app-harness.ts";
import { find, text } from "./dom.ts";

const REQUIRED_HEADERS = {
  "x-content-type-options": /^nosniff$/,
  "referrer-policy": /^(no-referrer|strict-origin-when-cross-origin|same-origin)$/,
  "permissions-policy": /camera=\(\)/,
  "cross-origin-opener-policy": /^same-origin$/,
  "x-frame-options": /^DENY$/,
};

function assertHardened(response: Response, path: string): void {
  for (const [name, pattern] of Object.entries(REQUIRED_HEADERS))
    assert.match(response.headers.get(name) ?? "", pattern, `${path}: ${name}`);
  const csp = response.headers.get("content-security-policy") ?? "";
  for (const directive of [
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "default-src 'none'",
  ])
    assert.ok(csp.includes(directive), `${path}: CSP lacks ${directive}`);
  assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{20,}'(;|$)/, `${path}: scripts only by nonce`);
  assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval|\*/, path);
  assert.equal(response.headers.get("server"), null, `${path}: Server header`);
  assert.equal(response.headers.get("x-powered-by"), null, `${path}: X-Powered-By header`);
  assert.equal(response.headers.get("strict-transport-security"), null, `${path}: no HSTS over plain http`);
}

describe("web pages", () => {
  let site: Awaited<ReturnType<typeof startDemoSite>>;
  let server: RunningApp;
  before(async () => {
    site = await startDemoSite();
    server = await startApp({ config: loopbackScanning() });
  });
  after(async () => {
    await server.close();
    await site.close();
  });

  it("carries a strict, nonce-based CSP and every header the scanner asks of others, on every kind of response", async () => {
    const nonces = new Set<string>();
    for (const path of ["/", "/learn", "/nothing-here", "/api/openapi.json", "/api/v1/scans/nope", "/.env"]) {
      const response = await server.fetch(path);
      await response.arrayBuffer();
      assertHardened(response, path);
      nonces.add(/nonce-([^']+)/.exec(response.headers.get("content-security-policy") ?? "")?.[1] ?? "");
    }
    assert.equal(nonces.size, 6, "a fresh nonce per response");
  });

  it("sends HSTS when reached over https through a trusted proxy, and only then", async () => {
    const proxied = await startApp({ config: { trustProxy: true } });
    try {
      const https = await proxied.fetch("/", { headers: { "x-forwarded-proto": "https" } });
      assert.match(https.headers.get("strict-transport-security") ?? "", /max-age=\d{8}/);
      const plain = await proxied.fetch("/");
      assert.equal(plain.headers.get("strict-transport-security"), null);
    } finally {
      await proxied.close();
    }
    const untrusted = await server.fetch("/", { headers: { "x-forwarded-proto": "https" } });
    assert.equal(untrusted.headers.get("strict-transport-security"), null);
  });

  it("home page: a labelled form that posts without JavaScript, viewport meta, no script", async () => {
    const response = await server.fetch("/");
    assert.equal(response.status, 200);
    const html = await response.text();
    assert.equal(
      find(html, "meta", { name: "viewport", content: "width=device-width, initial-scale=1" }).length,
      1,
    );
    assert.equal(find(html, "form", { method: "post", action: "/scan" }).length, 1);
    assert.equal(find(html, "label", { for: "url" }).length, 1);
    assert.equal(find(html, "input", { type: "text", id: "url", name: "url", required: true }).length, 1);
    assert.deepEqual(find(html, "script"), []);
    const styles = find(html, "style");
    assert.ok(styles.length > 0 && styles.every((style) => style.attribs.nonce));
  });

  it("the form flow works without JavaScript: POST, 303 to the scan page, self-refresh, then the report", async () => {
    const target = `http://127.0.0.1:${site.port}/`;
    const posted = await server.fetch("/scan", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        origin: server.url,
        "sec-fetch-site": "same-origin",
      },
      body: new URLSearchParams({ url: target }).toString(),
    });
    assert.equal(posted.status, 303);
    const location = posted.headers.get("location") ?? "";
    assert.match(location, /^\/scans\/[A-Za-z0-9_-]{22}$/);
    const id = location.split("/").at(-1)!;

    const first = await (await server.fetch(location)).text();
    if (!/amh-report/.test(first)) {
      assert.equal(find(first, "meta", { "http-equiv": "refresh", content: "3" }).length, 1);
      assert.equal(find(first, "section", { "data-events": `/api/v1/scans/${id}/events` }).length, 1);
      assert.ok(find(first, "script").every((script) => script.attribs.nonce));
    }
    await server.app.services.queue.idle();
    const report = await server.fetch(location);
    const html = await report.text();
    assert.equal(report.status, 200);
    assertHardened(report, location);
    assert.doesNotMatch(html, /http-equiv="refresh"/, "a finished report stops refreshing");
    assert.match(html, /class="amh-report"/);
    assert.match(html, /Origin reflected|origin-reflected/i);
    for (const format of ["json", "sarif", "html"])
      assert.ok(html.includes(`/api/v1/scans/${id}/report.${format}`), `download link ${format}`);
    assert.ok(html.includes(`/api/v1/scans/${id}/badge.svg`));
    assert.match(html, /noindex/);
  });

  it("a scan that reached nothing offers no sharing and no grade badge", async () => {
    const closed = await startDemoSite();
    await closed.close();
    const created = await server.postScan({ url: `http://127.0.0.1:${closed.port}/` });
    const { id } = (await created.json()) as { id: string };
    await server.app.services.queue.idle();
    const html = await (await server.fetch(`/scans/${id}`)).text();
    assert.match(html, /refused the connection/);
    assert.doesNotMatch(html, /Share this report/);
    assert.ok(!html.includes(`/api/v1/scans/${id}/badge.svg`), "no badge of a grade that does not exist");
    assert.match(html, /<title>127\.0\.0\.1:\d+: could not be scanned · amihackable<\/title>/);
    assert.doesNotMatch(html, /grade \?/);
  });

  it("a waiting scan's page refreshes itself without JavaScript and follows the scan with it", async () => {
    const paused = await startApp({ paused: true });
    try {
      const response = await paused.postScan({ url: "https://waiting.example/" });
      const { links } = (await response.json()) as { links: { page: string; events: string } };
      const page = await paused.fetch(links.page);
      assert.equal(page.status, 200);
      const html = await page.text();
      const refresh = find(html, "meta", { "http-equiv": "refresh", content: "3" });
      assert.equal(refresh.length, 1);
      assert.equal((refresh[0]?.parent as { name?: string } | null)?.name, "noscript");
      assert.equal(find(html, "section", { id: "live", "data-events": links.events }).length, 1);
      const scripts = find(html, "script");
      assert.equal(scripts.length, 1);
      assert.ok(scripts[0]?.attribs.nonce);
      assert.equal(text(find(html, "p", { "data-live": "status" })[0]), "Waiting in line: number 1");
      const discovery = find(html, "li", { "data-probe": "discovery", "data-state": "waiting" });
      assert.equal(text(discovery[0]), "Fetching the page and its scripts");
      assert.equal(find(html, "li", { "data-probe": "judging" }).length, 1);
    } finally {
      await paused.close();
    }
  });

  it("re-shows the form with the reason when a URL is refused, input escaped", async () => {
    const response = await server.fetch("/scan", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ url: 'javascript:alert(1)"><script>alert(2)</script>' }).toString(),
    });
    assert.equal(response.status, 400);
    const html = await response.text();
    assert.match(html, /role="alert"/);
    assert.match(html, /aria-invalid="true"/);
    assert.ok(html.includes("&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"));
    assert.doesNotMatch(html, /<script>alert/);
  });

  it("refuses a scan form posted from another site", async () => {
    const attempts: Array<Record<string, string>> = [
      { origin: "https://evil.example" },
      { "sec-fetch-site": "cross-site" },
      { origin: "null" },
    ];
    for (const headers of attempts) {
      const response = await server.fetch("/scan", {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded", ...headers },
        body: "url=https%3A%2F%2Fexample.com",
      });
      assert.equal(response.status, 403);
      assert.match(await response.text(), /own page only/);
    }
    assert.equal(server.app.services.queue.waitingCount, 0);
  });

  it("serves Learn: the index and each article inside the layout, with a call to scan", async () => {
    const index = await server.fetch("/learn");
    assert.equal(index.status, 200);
    const html = await index.text();
    assert.equal(find(html, "form", { method: "post", action: "/scan" }).length, 1);
    for (const article of listArticles()) {
      assert.ok(html.includes(`href="/learn/${article.slug}"`), article.slug);
      const page = await server.fetch(`/learn/${article.slug}`);
      assert.equal(page.status, 200, article.slug);
      const body = await page.text();
      assert.match(body, /Check your site/);
      assert.match(body, /aria-current="page"/);
    }
    assert.equal((await server.fetch("/learn/no-such-article")).status, 404);
    assert.equal((await server.fetch("/learn/..%2Fpackage")).status, 404);
  });

  it("answers unknown pages and scans with a 404 page, not a stack trace", async () => {
    const response = await server.fetch("/scans/AAAAAAAAAAAAAAAAAAAAAA");
    assert.equal(response.status, 404);
    assert.match(response.headers.get("content-type") ?? "", /^text\/html/);
    assert.match(await response.text(), /No scan has this address/);
  });
});
