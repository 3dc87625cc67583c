import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { nullOriginPoc, readPoc } from "./poc.ts";

/** The endpoint URL comes from the target's own bundle: it is hostile, and must not escape its context. */
const HOSTILE = `https://app.example.com/api?a=1&b="x'</script><script>alert(1)</script><!--`;

describe("CORS proof-of-concept pages", () => {
  it("embed a hostile URL in the script as an escaped JSON string", () => {
    const page = readPoc(HOSTILE, "Open this page from anywhere.");
    assert.equal(page.match(/<\/script>/gi)?.length, 1, "only the page's own closing tag");
    assert.ok(!page.includes("<script>alert"));
    assert.ok(!page.includes("<!--"));
    const literal = /fetch\(("(?:[^"\\]|\\.)*")/.exec(page)?.[1];
    assert.ok(literal, "the URL is one JS string literal");
    assert.equal(JSON.parse(literal), HOSTILE, "and it decodes back to the exact URL");
  });

  it("escape the URL in HTML text", () => {
    const page = readPoc(HOSTILE, "Serve this page from <b>there</b>.");
    assert.match(
      page,
      /<h1>Cross-origin read of https:\/\/app\.example\.com\/api\?a=1&amp;b=&quot;x&#39;&lt;\/script&gt;/,
    );
    assert.ok(page.includes("Serve this page from &lt;b&gt;there&lt;/b&gt;."));
  });

  it("keep the null-origin frame inside its srcdoc attribute", () => {
    const page = nullOriginPoc(HOSTILE);
    const srcdoc = /<iframe sandbox="allow-scripts" style="display:none" srcdoc="([^"]*)"><\/iframe>/.exec(
      page,
    );
    assert.ok(srcdoc, "the attribute is closed by its own quote, not the URL's");
    assert.equal(page.match(/<\/script>/gi)?.length, 1);
    assert.ok(!page.includes("<script>alert"));
  });
});
