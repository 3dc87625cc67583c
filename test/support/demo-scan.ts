import type { Report } from "../../src/engine/report.ts";
import { scanUrl } from "./scan-url.ts";
import { startDemoSite } from "../../src/interfaces/demo/vulnerable-site.ts";

/**
 * Starts the demo shop and scans it as `npm run demo` does (every port of its name pinned to loopback),
 * giving a real report with findings of every family for reporter tests.
 */
export async function scanDemo(): Promise<{ report: Report; close: () => Promise<void> }> {
  const site = await startDemoSite();
  try {
    const report = await scanUrl(`http://shop.demo.test:${site.port}/`, {
      resolve: [`shop.demo.test:${site.port}:127.0.0.1`, "shop.demo.test:*:127.0.0.1"],
    });
    return { report, close: site.close };
  } catch (error) {
    await site.close();
    throw error;
  }
}
