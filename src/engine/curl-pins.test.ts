import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Finding } from "../core/finding.ts";
import { parseOverride } from "../http/resolve-override.ts";
import { pinCurls } from "./curl-pins.ts";

function finding(url: string): Finding {
  return {
    evidence: [{ note: "n", request: { method: "GET", url, headers: [] }, curl: `curl -i -s '${url}'` }],
  } as unknown as Finding;
}

describe("pinCurls", () => {
  it("adds the --connect-to that reaches the pinned server, keeping the port mapping", () => {
    const findings = [
      finding("https://x.supabase.co/rest/v1/t"),
      finding("http://app.test:8080/"),
      finding("http://other.test/"),
    ];
    pinCurls(findings, [
      parseOverride("x.supabase.co:443:127.0.0.1:9443"),
      parseOverride("app.test:*:[::1]"),
    ]);
    assert.equal(
      findings[0]!.evidence[0]!.curl,
      "curl --connect-to 'x.supabase.co:443:127.0.0.1:9443' -i -s 'https://x.supabase.co/rest/v1/t'",
    );
    assert.equal(
      findings[1]!.evidence[0]!.curl,
      "curl --connect-to 'app.test:8080:[::1]:8080' -i -s 'http://app.test:8080/'",
    );
    assert.equal(findings[2]!.evidence[0]!.curl, "curl -i -s 'http://other.test/'");
  });
});
