import assert from "node:assert/strict";
import { mkdirSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, it } from "node:test";
import { chromium, type Browser, type Page } from "playwright-core";
import { startDemoSite } from "../../src/interfaces/demo/vulnerable-site.ts";
import { loopbackScanning, startApp, type RunningApp } from "../api/app-harness.ts";
import { gate, heldEnvSite } from "../fixtures/sites/held-env.ts";
import { startServer } from "../support/server.ts";
import { HOSTILE, startGatedDemoSite, startHostileSite } from "./hostile-site.ts";

/**
 * The product in a real browser (Debian's Chromium, driven by playwright-core): the whole flow with the
 * keyboard, the live view, the report, Learn, a phone-sized screen, the flow without JavaScript, and a
 * hostile target whose markup must stay inert. Screenshots go to a temporary folder, or to docs/screenshots/
 * for people to judge when AMIHACKABLE_SCREENSHOTS=1 (so a test run does not rewrite tracked files).
 */
const SCREENSHOTS = process.env.AMIHACKABLE_SCREENSHOTS
  ? new URL("../../docs/screenshots/", import.meta.url)
  : pathToFileURL(`${mkdtempSync(path.join(tmpdir(), "amihackable-shots-"))}/`);
const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Everything a page did that it should not: dialogs, CSP violations, script errors. */
function watch(page: Page): { dialogs: string[]; violations: string[]; errors: string[] } {
  const seen = { dialogs: [] as string[], violations: [] as string[], errors: [] as string[] };
  page.on("dialog", (dialog) => {
    seen.dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) seen.violations.push(message.text());
  });
  page.on("pageerror", (error) => seen.errors.push(error.message));
  return seen;
}

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.screenshot({ path: new URL(name, SCREENSHOTS).pathname, fullPage });
}

describe("in Chromium", () => {
  let browser: Browser;
  let server: RunningApp;

  before(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: CHROMIUM_ARGS });
    server = await startApp({ config: loopbackScanning() });
  });
  after(async () => {
    await browser?.close();
    await server?.close();
  });

  it("scans with the keyboard alone, shows live progress, then the report; Learn reads well", async () => {
    const site = await startGatedDemoSite();
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    const seen = watch(page);
    try {
      await page.goto(`${server.url}/`);
      await shot(page, "home.png", true);

      // The first Tab lands on the skip link, which is then visible.
      await page.keyboard.press("Tab");
      assert.equal(await page.evaluate(() => document.activeElement?.textContent), "Skip to content");
      let steps = 0;
      while ((await page.evaluate(() => document.activeElement?.id)) !== "url" && steps++ < 10)
        await page.keyboard.press("Tab");
      assert.equal(
        await page.evaluate(() => document.activeElement?.id),
        "url",
        "the URL field is reachable by Tab",
      );
      const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
      assert.notEqual(outline, "none", "focus is visible");
      await page.keyboard.type(`http://127.0.0.1:${site.port}/`);
      await Promise.all([page.waitForURL(/\/scans\/[A-Za-z0-9_-]{22}$/), page.keyboard.press("Enter")]);

      // The bundle is held back, so the scan is visibly running; the live view follows it over SSE.
      await page.waitForFunction(() =>
        /Scanning/.test(document.querySelector('[data-live="status"]')?.textContent ?? ""),
      );
      await page.waitForFunction(
        () => Number(document.querySelector('[data-live="sent"]')?.textContent?.split(" ")[0]) >= 1,
      );
      assert.match((await page.textContent('[data-live="title"]')) ?? "", /Fetching|page|script/i);
      await shot(page, "progress.png");

      site.release();
      await page.waitForSelector(".amh-report", { timeout: 60_000 });
      assert.doesNotMatch(await page.content(), /http-equiv="refresh"/);
      const grade = await page.textContent(".amh-grade");
      assert.match(grade ?? "", /[A-F]/);
      assert.ok(await page.isVisible('code:text-is("cors.origin-reflected")'));
      await shot(page, "report.png");
      // The share panel's README badge is a real image of the grade.
      await page.click("details.share summary");
      await page.waitForFunction(
        () => (document.querySelector<HTMLImageElement>("details.share img")?.naturalWidth ?? 0) > 0,
      );
      assert.match(
        await page.inputValue("#badge-markdown"),
        /^\[!\[amihackable grade\]\(http:\/\/127\.0\.0\.1:\d+\/api\/v1\/scans\/[\w-]{22}\/badge\.svg\)\]/,
      );
      await page
        .locator("details.share")
        .screenshot({ path: new URL("share-badge.png", SCREENSHOTS).pathname });
      await page.locator(".amh-finding").first().scrollIntoViewIfNeeded();
      await page.evaluate(() => document.querySelector(".amh-finding")?.scrollIntoView());
      await shot(page, "report-finding.png");

      await page.goto(`${server.url}/learn/cors`);
      await page.waitForSelector("article h1");
      await shot(page, "learn.png");
      assert.ok(await page.isVisible("text=Check your site"));

      assert.deepEqual(seen.dialogs, []);
      assert.deepEqual(seen.violations, [], "no CSP violations on our own pages");
      assert.deepEqual(seen.errors, []);
    } finally {
      site.release();
      await context.close();
      await site.close();
    }
  });

  it("lists each finding as the scan confirms it, once, also after a reload mid-scan; the report then replaces the list", async () => {
    const { released, release } = gate();
    const held = heldEnvSite(released);
    const site = await startServer(held.handler);
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    try {
      const created = await server.postScan({
        url: `http://127.0.0.1:${site.port}/`,
        options: { only: ["library.known-vulnerable", "exposure.env-file"], budget: 100, timeout: 30 },
      });
      const { id } = (await created.json()) as { id: string };
      await page.goto(`${server.url}/scans/${id}`);
      const items = '[data-live="findings"] li';
      // /.env is held, so the scan is still gathering while the library finding shows up.
      await page.waitForSelector(items);
      assert.equal(held.envAnswered(), false);
      assert.match((await page.textContent(items)) ?? "", /jQuery|librar/i);
      assert.equal(await page.textContent('[data-live="count"]'), "1");
      // A reload renders the finding and the stream replays it: the page still lists it once, and the next
      // finding (the held /.env, once released) makes two. Every count the list goes through is recorded.
      const counts: number[] = [];
      await page.exposeBinding("listed", (_source, count: number) => counts.push(count));
      await page.reload();
      await page.evaluate(() => {
        const list = document.querySelector('[data-live="findings"]')!;
        const report = () =>
          (window as unknown as { listed(count: number): void }).listed(list.children.length);
        report();
        new MutationObserver(report).observe(list, { childList: true });
      });
      release();
      await page.waitForSelector(".amh-report", { timeout: 60_000 });
      assert.ok(counts.includes(2), `counts seen: ${counts.join(", ")}`);
      assert.equal(Math.max(...counts), 2, `no finding listed twice: ${counts.join(", ")}`);
      assert.equal(await page.locator(items).count(), 0, "the report replaced the live list");
      assert.equal(await page.locator('code:text-is("library.known-vulnerable")').count(), 1);
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(seen.violations, []);
    } finally {
      release();
      await context.close();
      await site.close();
    }
  });

  it("fits a phone screen", async () => {
    const site = await startDemoSite();
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
    });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/`);
      const overflow = () => page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok((await overflow()) <= 0, "no sideways scrolling on the home page");
      await shot(page, "phone-home.png");
      await page.fill("#url", `http://127.0.0.1:${site.port}/`);
      await Promise.all([page.waitForURL(/\/scans\//), page.click("button[type=submit]")]);
      await page.waitForSelector(".amh-report", { timeout: 60_000 });
      assert.ok((await overflow()) <= 0, "no sideways scrolling on the report");
      await shot(page, "phone-report.png");
    } finally {
      await context.close();
      await site.close();
    }
  });

  it("works without JavaScript: the form posts, and the scan page refreshes itself until the report is ready", async () => {
    const site = await startDemoSite();
    const context = await browser.newContext({ javaScriptEnabled: false });
    const page = await context.newPage();
    try {
      await page.goto(`${server.url}/`);
      await page.fill("#url", `http://127.0.0.1:${site.port}/`);
      await Promise.all([page.waitForURL(/\/scans\//), page.click("button[type=submit]")]);
      await page.waitForSelector(".amh-report", { timeout: 60_000 });
      assert.ok(await page.isVisible('code:text-is("cors.origin-reflected")'));
    } finally {
      await context.close();
      await site.close();
    }
  });

  it("shows a hostile target's markup, links and bidi tricks as inert text", async () => {
    const site = await startHostileSite();
    const context = await browser.newContext();
    const page = await context.newPage();
    const seen = watch(page);
    try {
      await page.goto(`${server.url}/`);
      await page.fill("#url", `http://127.0.0.1:${site.port}/`);
      await Promise.all([page.waitForURL(/\/scans\//), page.click("button[type=submit]")]);
      await page.waitForSelector(".amh-report", { timeout: 60_000 });
      // Open every evidence panel so everything the report holds is rendered.
      await page.evaluate(() =>
        document.querySelectorAll("details").forEach((details) => (details.open = true)),
      );
      await page.evaluate(() =>
        [...document.querySelectorAll("pre")]
          .find((pre) => pre.textContent?.includes("<script>"))
          ?.scrollIntoView(),
      );
      await shot(page, "hostile-report.png");

      const found = await page.evaluate(() => ({
        handlers: [...document.querySelectorAll("*")].flatMap((element) =>
          [...element.attributes]
            .filter((attribute) => attribute.name.startsWith("on"))
            .map((a) => `${element.tagName} ${a.name}`),
        ),
        injectedImages: document.querySelectorAll('img[src="x"], svg[onload]').length,
        javascriptLinks: document.querySelectorAll('[href^="javascript:" i], [src^="javascript:" i]').length,
        scripts: [...document.querySelectorAll("script")]
          .map((script) => script.textContent ?? "")
          .filter((text) => /alert/.test(text)),
        text: document.body.textContent ?? "",
      }));
      assert.deepEqual(found.handlers, []);
      assert.equal(found.injectedImages, 0);
      assert.equal(found.javascriptLinks, 0);
      assert.deepEqual(found.scripts, []);
      assert.ok(found.text.includes(HOSTILE.script), "the script tag is shown as text");
      assert.ok(found.text.includes("onerror="), "the event handler is shown as text");
      assert.ok(!found.text.includes("\u202E"), "no raw right-to-left override reaches the page");
      assert.ok(
        (await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)) <= 0,
        "long lines wrap instead of widening the page",
      );
      assert.deepEqual(seen.dialogs, [], "no dialog fired");
      assert.deepEqual(seen.violations, []);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
      await site.close();
    }
  });
});
