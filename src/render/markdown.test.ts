import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inertnessProblems } from "../../test/support/inert-html.ts";
import { renderMarkdown } from "./markdown.ts";

const article = (source: string) => renderMarkdown(source, { mode: "article" });
const report = (source: string) => renderMarkdown(source, { mode: "report", headingShift: 4 });

describe("safe Markdown", () => {
  it("gives headings explicit {#id} anchors, or stable ids derived from their words", () => {
    const { html, headings } = article(
      "## How it works\n\n## How it works\n\n### `cors.origin-reflected` {#origin-reflected}\n\n## Über CSP: 'strict-dynamic'\n",
    );
    assert.deepEqual(
      headings.map(({ id, text, depth }) => [id, text, depth]),
      [
        ["how-it-works", "How it works", 2],
        ["how-it-works-2", "How it works", 2],
        ["origin-reflected", "cors.origin-reflected", 3],
        ["uber-csp-strict-dynamic", "Über CSP: 'strict-dynamic'", 2],
      ],
    );
    assert.ok(html.includes('<h3 id="origin-reflected"><code>cors.origin-reflected</code></h3>'));
    assert.doesNotMatch(html, /\{#/);
  });

  it("never lets a derived id take an explicit one", () => {
    const { headings } = article("## FAQ\n\n## Questions {#faq}\n");
    assert.deepEqual(
      headings.map((h) => h.id),
      ["faq-2", "faq"],
    );
  });

  it("shows raw HTML as text", () => {
    for (const source of [
      "<script>alert(1)</script>",
      "<img src=x onerror=alert(1)>",
      "text <b onmouseover=alert(1)>bold</b>",
      "<script>x<img src=x onerror=alert(1)//</script>\n\nafter</p>",
      "a <pre>x<img src=x onerror=alert(1)// b",
      "<!-- comment --><style>*{}</style>",
    ]) {
      const { html } = article(source);
      assert.deepEqual(inertnessProblems(html), [], source);
      assert.doesNotMatch(html, /<(?:script|img|b|style|pre)\b/, source);
    }
  });

  it("keeps safe links, drops dangerous ones, and never loads images", () => {
    const { html } = article(
      "[a](/learn/cors#faq) [b](#faq) [c](https://example.com/x) [d](javascript:alert(1)) [e](JaVaScRiPt:alert(1)) [f](data:text/html,x) [g](vbscript:x) <javascript:alert(1)> ![img](https://example.com/x.png)",
    );
    assert.ok(html.includes('<a href="/learn/cors#faq">a</a>'));
    assert.ok(html.includes('<a href="#faq">b</a>'));
    assert.ok(html.includes('<a href="https://example.com/x" rel="noopener noreferrer">c</a>'));
    assert.deepEqual(inertnessProblems(html), []);
    assert.doesNotMatch(html, /<img/);
    assert.ok(html.includes("img"), "an image becomes its alt text");
  });

  it("in report mode: only absolute http(s) links, no ids, headings pushed down", () => {
    const { html, headings } = report("# Fix\n\n[rel](/x) [abs](https://example.com/)");
    assert.deepEqual(headings, []);
    assert.ok(html.startsWith("<h5>Fix</h5>"));
    assert.ok(html.includes("rel"));
    assert.doesNotMatch(html, /href="\/x"/);
    assert.ok(html.includes('href="https://example.com/"'));
  });

  it("escapes code blocks and their language names", () => {
    const { html } = article('```js"><script>\nif (a < b) alert("</code>")\n```');
    assert.deepEqual(inertnessProblems(html), []);
    assert.ok(html.includes("if (a &lt; b) alert(&quot;&lt;/code&gt;&quot;)"));
  });
});
