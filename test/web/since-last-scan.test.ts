import assert from "node:assert/strict";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { after, before, describe, it } from "node:test";
import { DomUtils } from "htmlparser2";
import { findingFingerprint } from "../../src/core/index.ts";
import { loopbackScanning, openApiValidator, startApp, type RunningApp } from "../api/app-harness.ts";
import { find, text } from "./dom.ts";

const validate = openApiValidator();

/**
 * A site that changes between two scans: at first it sends X-Frame-Options but not nosniff; after the
 * "deploy" it sends nosniff and forgets X-Frame-Options. The page lives behind a redirect to a path the
 * site chose, with characters that must be escaped (' and &), so the URLs the findings carry came from
 * the target.
 */
const PAGE_PATH = "/home/o'neil&co";
let framesDenied = true;

function startChangingSite(): Promise<Server> {
  const server = createServer((request, response) => {
    if (request.url === "/") {
      response.writeHead(302, { location: PAGE_PATH }).end();
      return;
    }
    if (decodeURI(request.url ?? "") !== PAGE_PATH) {
      response.writeHead(404, { "content-type": "text/plain" }).end("not found");
      return;
    }
    response
      .writeHead(200, {
        "content-type": "text/html; charset=utf-8",
        ...(framesDenied ? { "x-frame-options": "DENY" } : { "x-content-type-options": "nosniff" }),
      })
      .end("<!doctype html><title>Shop</title><h1>Shop</h1>");
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

interface ApiScan {
  id: string;
  status: string;
  finishedAt: string;
  report?: { findings: Array<{ id: string; url: string; title: string }> };
  sinceLastScan?: {
    previousId: string;
    previousFinishedAt: string;
    latest: boolean;
    comparedChecks: number;
    sameChecks: boolean;
    new: Array<{ fingerprint: string; id: string; url: string; title: string }>;
    fixed: Array<{ fingerprint: string; id: string; url: string; title: string }>;
    unchanged: number;
  } | null;
}

describe("since the last scan", () => {
  let site: Server;
  let app: RunningApp;
  let target: string;
  before(async () => {
    site = await startChangingSite();
    target = `http://127.0.0.1:${(site.address() as AddressInfo).port}/`;
    // Each scan runs: none joins the one just finished (the server's reuse window is for people).
    app = await startApp({ config: loopbackScanning({ reuseSeconds: 0 }) });
  });
  after(async () => {
    await app.close();
    await new Promise((resolve) => site.close(resolve));
  });

  const scans: string[] = [];
  /** Scans the site with these options through the API, waits for the queue, and reads the scan back. */
  async function scan(options: object): Promise<{ api: ApiScan; page: string }> {
    const created = await app.postScan({ url: target, options });
    assert.equal(created.status, 202);
    const { id } = (await created.json()) as { id: string };
    assert.ok(!scans.includes(id), "a scan of its own");
    scans.push(id);
    await app.app.services.queue.idle();
    const api = (await (await app.fetch(`/api/v1/scans/${id}`)).json()) as ApiScan;
    assert.equal(api.status, "done");
    assert.deepEqual(validate("Scan", api), []);
    const page = await (await app.fetch(`/scans/${id}`)).text();
    return { api, page };
  }

  const headersOnly = { only: ["headers"] };
  const clickjacking = "headers.clickjacking";
  const nosniff = "headers.x-content-type-options-missing";
  let first: { api: ApiScan; page: string };
  let second: { api: ApiScan; page: string };

  it("says nothing on a first scan", async () => {
    first = await scan(headersOnly);
    const ids = first.api.report!.findings.map((finding) => finding.id);
    assert.ok(
      ids.includes(nosniff) && !ids.includes(clickjacking),
      `the fixture's first state: ${ids.join(", ")}`,
    );
    assert.equal(first.api.sinceLastScan, null);
    assert.deepEqual(find(first.page, "section", { class: "since" }), []);
    assert.doesNotMatch(first.page, /Since the last/);
    assert.deepEqual(find(first.page, "span", { class: "amh-new" }), []);
  });

  it("after a change, names the new and the fixed finding and links to the scan before", async () => {
    framesDenied = false;
    second = await scan(headersOnly);
    const since = find(second.page, "section", { class: "since" });
    assert.equal(since.length, 1);
    const line = text(since[0]);
    assert.match(line, /^Since the last scan \(\d{4}-\d\d-\d\d \d\d:\d\d UTC\): 1 new, 1 fixed\./);
    assert.ok(line.includes(first.api.finishedAt.replace("T", " ").slice(0, 16)), "the earlier scan's date");
    const section = DomUtils.getOuterHTML(since[0]!);
    assert.equal(
      find(section, "a", { href: `/scans/${first.api.id}` }).length,
      1,
      "links to the scan before",
    );

    // The new finding carries the mark in the report's list; the fixed one is listed by title.
    const marked = find(second.page, "h4").filter(
      (h4) => find(DomUtils.getOuterHTML(h4), "span", { class: "amh-new" }).length > 0,
    );
    const clickjackingTitle = second.api.report!.findings.find(
      (finding) => finding.id === clickjacking,
    )!.title;
    assert.deepEqual(
      marked.map((h4) => text(h4)),
      [`${clickjackingTitle} new`],
    );
    const details = find(section, "details");
    assert.equal(details.length, 1);
    assert.equal(details[0]!.attribs.open, undefined, "the fixed list is collapsed, opened without a script");
    assert.ok(
      second.page.indexOf('<section class="since"') < second.page.indexOf('class="amh-report"'),
      "the line comes before the report",
    );
    const fixed = find(section, "ul", { class: "since-fixed" });
    const nosniffTitle = first.api.report!.findings.find((finding) => finding.id === nosniff)!.title;
    assert.equal(find(DomUtils.getOuterHTML(fixed[0]!), "li").length, 1);
    assert.ok(text(fixed[0]).includes(nosniffTitle), text(fixed[0]));

    // The URL the site redirected to is shown escaped: its ' and & never reach the page raw.
    const pageUrl = first.api.report!.findings.find((finding) => finding.id === nosniff)!.url;
    assert.ok(pageUrl.endsWith("/home/o'neil&co"), pageUrl);
    assert.ok(text(fixed[0]).includes(pageUrl), "the fixed finding's URL, read back as text");
    const raw = second.page.slice(second.page.indexOf('<section class="since"'));
    const markup = raw.slice(0, raw.indexOf("</section>"));
    assert.ok(markup.includes("/home/o&#39;neil&amp;co"), markup);
    assert.ok(!markup.includes("o'neil"), "no raw ' or & in the markup");
  });

  it("gives the same comparison in the API's scan JSON, by fingerprint", () => {
    const since = second.api.sinceLastScan!;
    assert.equal(since.previousId, first.api.id);
    assert.equal(since.previousFinishedAt, first.api.finishedAt);
    assert.equal(since.latest, true);
    assert.equal(since.sameChecks, true);
    assert.ok(since.comparedChecks > 10, `${since.comparedChecks} header checks compared`);
    assert.deepEqual(
      since.new.map((entry) => entry.id),
      [clickjacking],
    );
    assert.deepEqual(
      since.fixed.map((entry) => entry.id),
      [nosniff],
    );
    const added = since.new[0]!;
    assert.equal(added.fingerprint, findingFingerprint(added));
    assert.equal(since.unchanged, second.api.report!.findings.length - 1);
  });

  it("never compares a scan with a later one", async () => {
    const again = await (await app.fetch(`/api/v1/scans/${first.api.id}`)).json();
    assert.equal((again as ApiScan).sinceLastScan, null);
    const page = await (await app.fetch(`/scans/${first.api.id}`)).text();
    assert.deepEqual(find(page, "section", { class: "since" }), []);
  });

  it("says nothing when the two scans share no check", async () => {
    const other = await scan({ only: ["cors"] });
    const report = other.api.report as unknown as { outcome: string; probed: { checks: string[] } };
    assert.equal(report.outcome, "complete", "comparable but for its checks");
    assert.ok(report.probed.checks.every((check) => check.startsWith("cors.")));
    assert.equal(other.api.sinceLastScan, null);
    assert.deepEqual(find(other.page, "section", { class: "since" }), []);
  });
  it("passes over a scan it cannot compare with, and says when only some checks are compared", async () => {
    // The last scan ran only CORS checks; the one before ran every header check, two of them again here.
    const narrow = await scan({ only: [clickjacking, nosniff] });
    const since = narrow.api.sinceLastScan!;
    assert.equal(since.previousId, second.api.id, "the last scan with checks in common");
    assert.equal(since.latest, false);
    assert.equal(since.comparedChecks, 2);
    assert.equal(since.sameChecks, false);
    assert.deepEqual([since.new, since.fixed, since.unchanged], [[], [], 1]);
    const line = text(find(narrow.page, "section", { class: "since" })[0]);
    assert.match(
      line,
      /^Since the last comparable scan \([^)]+\): nothing new, nothing fixed \(1 finding as before\), counting only the 2 checks both scans ran\.$/,
    );
  });
});
