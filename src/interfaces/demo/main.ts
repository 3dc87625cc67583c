import { scan, scanRequest } from "../../engine/index.ts";
import { render } from "../../reporters/index.ts";
import { progressLine } from "../cli/index.ts";
import { startDemoSite } from "./vulnerable-site.ts";

/**
 * `npm run demo`: starts a deliberately misconfigured site on loopback and scans it, so a new user sees
 * real findings in seconds with no network. The site is given a name (shop.demo.test) pinned to
 * 127.0.0.1, exactly as `--resolve` does for staging servers, so checks that reason about domains work.
 */
const site = await startDemoSite();
const url = `http://shop.demo.test:${site.port}/`;
process.stderr.write(`Demo site listening on 127.0.0.1:${site.port}; scanning it as ${url}\n\n`);
const progress = progressLine(process.stderr);
try {
  // Only the port the demo listens on goes to loopback: whatever else runs on this machine (a server on
  // 127.0.0.1:443) must not change the demo's findings. Other names and ports resolve to nothing, so the
  // https and http probes never ask DNS and find no other server.
  const request = scanRequest(url, { resolve: [`shop.demo.test:${site.port}:127.0.0.1`] });
  const report = await scan(request, {
    onProgress: progress.onProgress,
    lookup: async () => [],
  });
  progress.clear();
  process.stdout.write(render(report, "text", { color: process.stdout.isTTY === true }));
  process.stderr.write(`\nScan your own site: npx amihackable scan https://your-site.example\n`);
} finally {
  await site.close();
}
