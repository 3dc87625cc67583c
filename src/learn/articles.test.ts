import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { articleAnchors, getArticle, listArticles } from "./index.ts";
import { parseArticle } from "./articles.ts";

describe("learn article loader", () => {
  it("lists articles in reading order with title and summary", () => {
    const list = listArticles();
    assert.equal(list[0]?.slug, "cors");
    for (const item of list) assert.deepEqual(Object.keys(item).sort(), ["slug", "summary", "title"]);
  });

  it("returns the rendered article with its sections, cached", () => {
    const article = getArticle("cors");
    assert.ok(article);
    assert.equal(article.slug, "cors");
    assert.match(article.html, /<h2 id="short-version">/);
    assert.deepEqual(article.headings[0], { id: "short-version", text: "The short version" });
    assert.ok(article.headings.every((h) => !h.text.includes("{#")));
    assert.equal(getArticle("cors"), article, "rendered once");
    assert.ok(Object.isFrozen(article));
  });

  it("knows every anchor, including finding entries", () => {
    assert.ok(articleAnchors("cors").has("origin-reflected"));
    assert.ok(articleAnchors("cors").has("faq"));
    assert.equal(articleAnchors("no-such-article").size, 0);
  });

  it("answers undefined for unknown or malformed slugs", () => {
    for (const slug of ["nope", "../package", "cors.md", "CORS", "", "cors/", "__proto__", "constructor"])
      assert.equal(getArticle(slug), undefined, slug);
  });

  it("parses front matter and refuses an article without a title or summary", () => {
    const { article, order } = parseArticle(
      "demo",
      '---\ntitle: "Demo: quoted"\nsummary: One line.\norder: 3\n---\n\n## Hello {#hi}\n\nText.\n',
    );
    assert.equal(article.title, "Demo: quoted");
    assert.equal(article.summary, "One line.");
    assert.equal(order, 3);
    assert.deepEqual(article.headings, [{ id: "hi", text: "Hello" }]);
    assert.throws(() => parseArticle("bad", "## No front matter\n"), /title/);
  });
});
