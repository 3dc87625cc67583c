import { type Finding, shellQuote } from "../core/index.ts";
import { findOverride, type ConnectOverride } from "../http/index.ts";

/**
 * A curl line only reproduces a request if it reaches the same server: when the scan pinned names with
 * --resolve/--connect-to, each evidence's curl gets the matching `--connect-to` so it can be pasted as is.
 */
export function pinCurls(findings: Finding[], overrides: readonly ConnectOverride[]): void {
  if (overrides.length === 0) return;
  for (const finding of findings) {
    for (const evidence of finding.evidence) {
      if (!evidence.curl || !evidence.request || evidence.curl.includes("--connect-to")) continue;
      let url: URL;
      try {
        url = new URL(evidence.request.url);
      } catch {
        continue;
      }
      const port = Number(url.port) || (url.protocol === "https:" ? 443 : 80);
      const host = url.hostname.replace(/^\[|\]$/g, "");
      const pin = findOverride(overrides, host, port);
      if (!pin) continue;
      const address = pin.address.includes(":") ? `[${pin.address}]` : pin.address;
      const spec = `${host}:${port}:${address}:${pin.connectPort ?? port}`;
      evidence.curl = evidence.curl.replace(/^curl /, `curl --connect-to ${shellQuote(spec)} `);
    }
  }
}
