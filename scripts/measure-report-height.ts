/**
 * `node scripts/measure-report-height.ts [--before /path/to/other/checkout] [--shots DIR]`: the demo's
 * report (the deliberately vulnerable local site, scanned on loopback) rendered as the HTML report and
 * opened in headless Chromium at desktop (1280 px) and phone (390 px) widths; prints each page's height.
 * With --before, the same report is also rendered by another checkout's reporter, for a before/after.
 * With --shots, a screenshot of the top of each page is saved there. Needs /usr/bin/chromium (or
 * CHROMIUM=path) and the playwright-core devDependency.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { chromium } from "playwright-core";
import { scan, scanRequest } from "../src/engine/index.ts";
import { startDemoSite } from "../src/interfaces/demo/vulnerable-site.ts";

const argument = (name: string) => {
  const at = process.argv.indexOf(name);
  return at > 0 ? process.argv[at + 1] : undefined;
};
const before = argument("--before");
const shots = argument("--shots");
const work = mkdtempSync(path.join(tmpdir(), "amihackable-height-"));

const site = await startDemoSite();
let reportFile: string;
try {
  const url = `http://shop.demo.test:${site.port}/`;
  const report = await scan(scanRequest(url, { resolve: [`shop.demo.test:${site.port}:127.0.0.1`] }), {
    lookup: async () => [],
  });
  reportFile = path.join(work, "report.json");
  writeFileSync(reportFile, JSON.stringify(report));
  process.stdout.write(`demo report: ${report.findings.length} findings\n`);
} finally {
  await site.close();
}

/** Renders the saved report with a checkout's own reporter, in a child process so both can be compared. */
function renderWith(checkout: string, out: string): void {
  const code = `import { readFileSync, writeFileSync } from "node:fs";
import { renderHtml } from ${JSON.stringify(path.join(checkout, "src/reporters/html.ts"))};
writeFileSync(${JSON.stringify(out)}, renderHtml(JSON.parse(readFileSync(${JSON.stringify(reportFile)}, "utf8"))));`;
  const result = spawnSync(process.execPath, ["--input-type=module", "-e", code], { encoding: "utf8" });
  if (result.status !== 0) throw new Error(result.stderr);
}

const pages: Array<[label: string, file: string]> = [];
const root = new URL("../", import.meta.url).pathname;
if (before) {
  pages.push(["before", path.join(work, "before.html")]);
  renderWith(before, pages[0]![1]);
}
pages.push(["after", path.join(work, "after.html")]);
renderWith(root, pages.at(-1)![1]);

const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium" });
try {
  for (const [label, file] of pages) {
    for (const [device, width, height] of [
      ["desktop", 1280, 800],
      ["phone", 390, 844],
    ] as const) {
      const page = await browser.newPage({ viewport: { width, height } });
      await page.goto(`file://${file}`);
      const total = await page.evaluate(() => document.documentElement.scrollHeight);
      process.stdout.write(`${label}\t${device} ${width}px\t${total} px tall\n`);
      if (shots) {
        mkdirSync(shots, { recursive: true });
        await page.screenshot({ path: path.join(shots, `report-${label}-${device}.png`) });
      }
      await page.close();
    }
  }
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
