import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { extractHtml } from "./html-extract.ts";

const PAGE = "https://app.example.com/shop/index.html";

describe("extractHtml", () => {
  it("finds external scripts, module preloads, inline scripts and links, resolved against the page", () => {
    const html = `<!doctype html><HTML><head>
      <SCRIPT SRC="/assets/app.js" defer></SCRIPT>
      <script type="module" src="chunk.js"></script>
      <link rel="modulepreload" href="/assets/vendor.js">
      <link rel="preload" as="script" href="/assets/preload.js">
      <link rel="preload" as="style" href="/assets/site.css">
      <link rel="stylesheet" href="/assets/site.css">
      <script id="__NEXT_DATA__" type="application/json">{"props":{"api":"/api/me"}}</script>
      <script>fetch("/api/cart")</script>
      </head><body><a href="/about#team">About</a><a href="mailto:x@example.com">Mail</a>
      <a href="javascript:void(0)">Nothing</a><a href="https://other.example.org/">Other</a></body></HTML>`;
    const extract = extractHtml(html, PAGE);
    assert.deepEqual(extract.scriptSrcs, [
      "https://app.example.com/assets/app.js",
      "https://app.example.com/shop/chunk.js",
      "https://app.example.com/assets/vendor.js",
      "https://app.example.com/assets/preload.js",
    ]);
    assert.deepEqual(extract.inlineScripts, [
      { type: "application/json", id: "__NEXT_DATA__", text: '{"props":{"api":"/api/me"}}' },
      { type: "", id: "", text: 'fetch("/api/cart")' },
    ]);
    assert.deepEqual(extract.links, ["https://app.example.com/about", "https://other.example.org/"]);
    assert.equal(extract.baseUrl, PAGE);
  });

  it("resolves every URL against <base href>, even URLs before it", () => {
    const extract = extractHtml(
      `<script src="early.js"></script><base href="https://cdn.example.com/v2/"><base href="/ignored/"><a href="page">x</a>`,
      PAGE,
    );
    assert.equal(extract.baseUrl, "https://cdn.example.com/v2/");
    assert.deepEqual(extract.scriptSrcs, ["https://cdn.example.com/v2/early.js"]);
    assert.deepEqual(extract.links, ["https://cdn.example.com/v2/page"]);
  });

  it("decodes entities in attributes and keeps the first of duplicated attributes", () => {
    const extract = extractHtml(`<script src="/a.js?x=1&amp;y=2" src="/b.js"></script>`, PAGE);
    assert.deepEqual(extract.scriptSrcs, ["https://app.example.com/a.js?x=1&y=2"]);
  });

  it("reads script text raw: markup-like strings inside it do not end it early", () => {
    const code = `var s = "<div><a href='/nope'>"; if (a < b && c > d) fetch("/api/x");`;
    const extract = extractHtml(`<script>${code}</script><a href="/yes">y</a>`, PAGE);
    assert.deepEqual(
      extract.inlineScripts.map((script) => script.text),
      [code],
    );
    assert.deepEqual(extract.links, ["https://app.example.com/yes"]);
  });

  it("keeps the code of a script left open at the end of a cut page", () => {
    const extract = extractHtml(`<p>hello<script>fetch("/api/late")`, PAGE);
    assert.deepEqual(
      extract.inlineScripts.map((script) => script.text),
      ['fetch("/api/late")'],
    );
  });

  it("treats a self-closing script as browsers do: still open until </script>", () => {
    const extract = extractHtml(
      `<script src="/a.js" /><a href="/inside">x</a></script><script/>fetch("/api/y")</script><a href="/after">x</a>`,
      PAGE,
    );
    assert.deepEqual(extract.scriptSrcs, ["https://app.example.com/a.js"]);
    assert.deepEqual(
      extract.inlineScripts.map((script) => script.text),
      ['fetch("/api/y")'],
    );
    assert.deepEqual(extract.links, ["https://app.example.com/after"]);
  });

  it("drops unparseable references and deduplicates", () => {
    const extract = extractHtml(
      `<script src="http://[bad"></script><script src="/a.js"></script><script src="/a.js#x"></script>`,
      PAGE,
    );
    assert.deepEqual(extract.scriptSrcs, ["https://app.example.com/a.js"]);
  });

  it("caps what it returns on a page of thousands of scripts and links", () => {
    const html = Array.from(
      { length: 5000 },
      (_, n) => `<script src="/s${n}.js"></script><a href="/p${n}">p</a>`,
    ).join("");
    const extract = extractHtml(html, PAGE);
    assert.equal(extract.scriptSrcs.length, 500);
    assert.equal(extract.links.length, 500);
    assert.equal(extract.scriptTags, 5000, "the page's real count is kept for the report");
  });

  it("reads a nesting bomb (hundreds of thousands of unclosed elements) without a stack overflow", () => {
    const html = `<script src="/first.js"></script>${"<div><span>".repeat(200_000)}<a href="/deep">deep</a>`;
    const extract = extractHtml(html, PAGE);
    assert.deepEqual(extract.scriptSrcs, ["https://app.example.com/first.js"]);
    assert.deepEqual(extract.links, ["https://app.example.com/deep"]);
  });

  it("survives invalid markup and replacement characters", () => {
    const html = `<<<>>><script src="/ok.js"\uFFFD></script><a href="/\uFFFD\u0000">x</a></div></div></p><!-- unclosed`;
    const extract = extractHtml(html, PAGE);
    assert.deepEqual(extract.scriptSrcs, ["https://app.example.com/ok.js"]);
    assert.equal(extract.links.length, 1);
  });
});
