import assert from "node:assert/strict";
import { describe, it } from "node:test";
import type { Evidence } from "../core/finding.ts";
import { redactEvidence, redactKey, redactTokens } from "./key-redaction.ts";

const KEY = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJyb2xlIjoiYW5vbiJ9.c2lnbmF0dXJlLW5vdC1yZWFsLWF0LWFsbA";

describe("key redaction", () => {
  it("keeps the first 10 and last 4 characters", () => {
    assert.equal(redactKey(KEY), `eyJhbGciOi…${KEY.slice(-4)}`);
    assert.equal(redactKey("short-key"), "shor…");
  });

  it("redacts every token-looking run in an excerpt", () => {
    const text = `const a="${KEY}",b="sk_live_${"x".repeat(30)}";`;
    const redacted = redactTokens(text);
    assert.ok(!redacted.includes(KEY));
    assert.ok(!redacted.includes("x".repeat(30)));
    assert.ok(redacted.startsWith('const a="eyJhbGciOi…'));
  });

  it("removes the key from headers and curl, and shows Authorization as a redacted bearer", () => {
    const evidence: Evidence = {
      note: "n",
      request: {
        method: "HEAD",
        url: "https://x.supabase.co/rest/v1/t",
        headers: [
          ["apikey", KEY],
          ["authorization", "[redacted]"],
        ],
      },
      curl: `curl -i -s -I -H 'apikey: ${KEY}' -H 'authorization: [redacted]' 'https://x.supabase.co/rest/v1/t'`,
    };
    const redacted = redactEvidence(evidence, [KEY]);
    assert.ok(!JSON.stringify(redacted).includes(KEY));
    assert.deepEqual(redacted.request?.headers, [
      ["apikey", redactKey(KEY)],
      ["authorization", `Bearer ${redactKey(KEY)}`],
    ]);
    assert.ok(redacted.curl?.includes(`authorization: Bearer ${redactKey(KEY)}`));
  });
});
