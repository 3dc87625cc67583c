import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { inertnessProblems } from "../../test/support/inert-html.ts";
import {
  clip,
  clipped,
  html,
  join,
  neutralise,
  safeArticleHref,
  safeHttpHref,
  SafeHtml,
  trusted,
} from "./index.ts";

const EVIL = `"><script>alert(1)</script><img src=x onerror='alert(2)'>&`;

describe("html template", () => {
  it("escapes every interpolated string, in text and in attributes", () => {
    const markup = html`<p title="${EVIL}">${EVIL}</p>`.value;
    assert.equal(
      markup,
      '<p title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&#39;alert(2)&#39;&gt;&amp;">' +
        "&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=&#39;alert(2)&#39;&gt;&amp;</p>",
    );
    assert.deepEqual(inertnessProblems(markup), []);
  });

  it("keeps </script> in evidence as text", () => {
    assert.equal(
      html`<pre>${"</script><script>x()</script>"}</pre>`.value,
      "<pre>&lt;/script&gt;&lt;script&gt;x()&lt;/script&gt;</pre>",
    );
  });

  it("shows bidi and control characters as markers and replaces code units XML forbids", () => {
    assert.equal(html`${"\u202Eabc\u2066\u0000\u001b"}`.value, "⟦U+202E⟧abc⟦U+2066⟧⟦U+0000⟧⟦U+001B⟧");
    assert.equal(html`${"a\ud800b\uffff"}`.value, "a\ufffdb\ufffd");
    assert.equal(
      neutralise(neutralise("\u202E")),
      neutralise("\u202E"),
      "neutralising twice changes nothing",
    );
  });

  it("inserts template output as is, and nests, maps and skips empty values", () => {
    const inner = html`<b>${"<i>"}</b>`;
    assert.equal(html`<p>${inner}</p>`.value, "<p><b>&lt;i&gt;</b></p>");
    assert.equal(
      html`<ul>${["<a>", "b"].map((item) => html`<li>${item}</li>`)}</ul>`.value,
      "<ul><li>&lt;a&gt;</li><li>b</li></ul>",
    );
    assert.equal(html`${null}${undefined}${false}${0}${true}`.value, "0true");
    assert.equal(String(inner), "<b>&lt;i&gt;</b>");
  });

  it("joins items with a separator, skipping empty ones", () => {
    assert.equal(join(["<a>", "", false, html`<b></b>`], ", ").value, "&lt;a&gt;, <b></b>");
  });

  it("inserts only explicitly trusted markup unescaped", () => {
    assert.equal(html`${trusted("<style>p{}</style>")}`.value, "<style>p{}</style>");
  });

  it("cannot be handed SafeHtml made outside the module", () => {
    const Constructor = SafeHtml as unknown as new (mint: symbol, value: string) => SafeHtml;
    assert.throws(() => new Constructor(Symbol("SafeHtml"), "<script>"), TypeError);
  });
});

describe("helpers that return escaped values", () => {
  it("clips long text and says how much it left out", () => {
    assert.equal(clip("abcdef", 3), "abc… [3 more characters not shown]");
    assert.equal(clipped("<<<<", 2).value, "&lt;&lt;… [2 more characters not shown]");
  });

  it("links http(s) URLs only, whatever the spelling of another scheme", () => {
    assert.equal(safeHttpHref('https://a.example/?x=1&y="2"')?.value, "https://a.example/?x=1&amp;y=%222%22");
    for (const url of [
      "javascript:alert(1)",
      " java\tscript:alert(1)",
      "JAVASCRIPT:x",
      "data:text/html,x",
      "/relative",
      "vbscript:x",
    ])
      assert.equal(safeHttpHref(url), undefined, url);
  });

  it("allows relative and http(s) article links and refuses other schemes", () => {
    assert.equal(safeArticleHref("/learn/cors#faq")?.value, "/learn/cors#faq");
    assert.equal(safeArticleHref("#faq")?.value, "#faq");
    assert.equal(safeArticleHref('/learn/x" onmouseover="y')?.value, "/learn/x&quot; onmouseover=&quot;y");
    for (const url of [
      "javascript:alert(1)",
      "\u0001javascript:alert(1)",
      "java\nscript:x",
      "\\\\evil.example",
      "/\\evil.example",
    ])
      assert.equal(safeArticleHref(url), undefined, JSON.stringify(url));
  });
});
