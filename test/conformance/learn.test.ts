import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { describe, it } from "node:test";
import { CHECKS } from "../../src/checks/index.ts";
import { ARTICLE_SECTIONS, articleAnchors, getArticle, listArticles } from "../../src/learn/index.ts";
import { inertnessProblems, structureProblems } from "../support/inert-html.ts";
import { PLANNED_IDS } from "./planned-ids.ts";

const root = new URL("../../", import.meta.url);
const contract = readFileSync(new URL("docs/finding-ids.md", root), "utf8");

/** Every id in the public contract: the first cell of each table row that looks like family.name. */
const ALL_CONTRACT_IDS = [...contract.matchAll(/^\|\s*([a-z]+\.[a-z0-9]+(?:-[a-z0-9]+)*)\s*\|/gm)].map(
  (m) => m[1]!,
);
/** The ids a check reports: a planned id (planned-ids.ts) gets its Learn entry with its check. */
const CONTRACT_IDS = ALL_CONTRACT_IDS.filter((id) => !(id in PLANNED_IDS));

const SLUGS = [
  "cors",
  "content-security-policy",
  "https-and-hsts",
  "clickjacking",
  "security-headers",
  "cookies",
  "exposed-files",
  "source-maps",
  "secrets-in-bundles",
  "supabase-rls",
  "firebase-rules",
  "information-leaks",
  "vulnerable-libraries",
  "grading",
  "dns-and-mail",
  "cms",
];

/** The article each finding family belongs to (the mapping in the helper brief and CONTRIBUTING). */
function expectedSlug(id: string): string {
  const [family, name = ""] = id.split(".");
  switch (family) {
    case "cors":
      return "cors";
    case "headers":
      if (name.startsWith("csp-")) return "content-security-policy";
      if (name.startsWith("hsts-")) return "https-and-hsts";
      if (name === "clickjacking") return "clickjacking";
      return "security-headers";
    case "cookie":
      return "cookies";
    case "tls":
      return "https-and-hsts";
    case "exposure":
      return name.startsWith("source-map") ? "source-maps" : "exposed-files";
    case "secret":
      return "secrets-in-bundles";
    case "supabase":
      return "supabase-rls";
    case "firebase":
      return "firebase-rules";
    case "info":
      return name === "public-key" ? "secrets-in-bundles" : "information-leaks";
    case "library":
      return "vulnerable-libraries";
    case "dns":
      return "dns-and-mail";
    case "cms":
      return "cms";
    default:
      throw new Error(`no article for family ${family}`);
  }
}

/** The h3 anchors inside an article's "Finding reference" section. */
function referenceAnchors(slug: string): string[] {
  const html = getArticle(slug)?.html ?? "";
  const start = html.indexOf('<h2 id="finding-reference">');
  if (start < 0) return [];
  const end = html.indexOf("<h2 ", start + 1);
  const section = html.slice(start, end < 0 ? undefined : end);
  return [...section.matchAll(/<h3 id="([^"]+)">/g)].map((m) => m[1]!);
}

describe("learn articles", () => {
  it("exist for exactly the documented slugs", () => {
    assert.deepEqual(
      listArticles()
        .map((a) => a.slug)
        .sort(),
      [...SLUGS].sort(),
    );
  });

  it("reads the contract (sanity: the parser finds every family)", () => {
    assert.ok(ALL_CONTRACT_IDS.length >= 108, `only ${ALL_CONTRACT_IDS.length} ids parsed`);
    assert.equal(CONTRACT_IDS.length, ALL_CONTRACT_IDS.length - Object.keys(PLANNED_IDS).length);
    for (const family of [
      "cors",
      "headers",
      "cookie",
      "tls",
      "exposure",
      "secret",
      "supabase",
      "firebase",
      "info",
      "dns",
      "cms",
    ])
      assert.ok(
        CONTRACT_IDS.some((id) => id.startsWith(`${family}.`)),
        family,
      );
  });

  for (const summary of listArticles()) {
    describe(summary.slug, () => {
      const article = getArticle(summary.slug)!;
      const guide = article.kind === "guide";

      it("has a title and a one-sentence summary", () => {
        assert.ok(article.title.length > 10 && article.title.length < 100, article.title);
        assert.ok(article.summary.length > 40 && article.summary.length < 220, article.summary);
        assert.match(article.summary, /^[^.]+\.$/, "one sentence, ending with a full stop");
      });

      // A guide (how the grade works) explains the scanner, not a family of findings: the sections,
      // fixes and finding reference of an article do not apply to it.
      if (!guide)
        it("has every required section, in order", () => {
          const ids = article.headings.map((h) => h.id);
          const required = ARTICLE_SECTIONS.map((s) => s.id);
          for (const id of required) assert.ok(ids.includes(id), `missing section #${id}`);
          const positions = required.map((id) => ids.indexOf(id));
          assert.deepEqual(
            positions,
            [...positions].sort((a, b) => a - b),
            "sections out of order",
          );
        });

      if (!guide)
        it("shows fixes for Express, Next.js, FastAPI and nginx, with code", () => {
          const html = article.html;
          const start = html.indexOf('<h2 id="how-to-fix">');
          const section = html.slice(start, html.indexOf("<h2 ", start + 1));
          for (const stack of ["Express", "Next.js", "FastAPI", "nginx"])
            assert.ok(section.includes(stack), stack);
          assert.ok((section.match(/<pre><code/g) ?? []).length >= 3, "code examples");
        });

      it("is substantial writing", () => {
        const words = article.html
          .replace(/<[^>]+>/g, " ")
          .split(/\s+/)
          .filter(Boolean).length;
        assert.ok(words >= (guide ? 300 : 600), `${words} words`);
      });

      it("renders to inert, well-formed HTML", () => {
        assert.deepEqual(inertnessProblems(article.html), []);
        assert.deepEqual(structureProblems(article.html), []);
      });

      it("links only to articles and anchors that exist", () => {
        const anchors = articleAnchors(summary.slug);
        for (const [, href] of article.html.matchAll(/href="([^"]+)"/g)) {
          if (href!.startsWith("#")) assert.ok(anchors.has(href!.slice(1)), `broken anchor ${href}`);
          const internal = /^\/learn\/([a-z0-9-]+)(?:#([a-z0-9-]+))?$/.exec(href!);
          if (internal) {
            assert.ok(getArticle(internal[1]!), `no article ${internal[1]}`);
            if (internal[2]) assert.ok(articleAnchors(internal[1]!).has(internal[2]), `broken link ${href}`);
          } else if (!href!.startsWith("#")) {
            assert.match(href!, /^https:\/\//, `unexpected link ${href}`);
          }
        }
      });

      it("has a finding reference entry for exactly the contract ids of its family", () => {
        if (guide) return assert.deepEqual(referenceAnchors(summary.slug), [], "a guide explains no finding");
        const expected = CONTRACT_IDS.filter((id) => expectedSlug(id) === summary.slug)
          .map((id) => id.split(".")[1]!)
          .sort();
        assert.deepEqual([...referenceAnchors(summary.slug)].sort(), expected);
      });
    });
  }
});

describe("every contract id has its Learn entry", () => {
  for (const id of CONTRACT_IDS) {
    it(id, () => {
      const slug = expectedSlug(id);
      const anchor = id.split(".")[1]!;
      assert.ok(getArticle(slug), `no article ${slug}`);
      assert.ok(articleAnchors(slug).has(anchor ?? ""), `${slug} has no #${anchor}`);
      const html = getArticle(slug)!.html;
      assert.ok(html.includes(`<h3 id="${anchor}">${id}</h3>`), `${slug}#${anchor} is not headed ${id}`);
    });
  }
});

describe("every registered check links to its Learn entry", () => {
  for (const check of CHECKS) {
    const { id, learn } = check.meta;
    it(id, () => {
      const [slug, anchor] = learn.split("#");
      assert.equal(slug, expectedSlug(id), `${id} should link to the ${expectedSlug(id)} article`);
      assert.equal(anchor, id.split(".")[1], `${id} should link to #${id.split(".")[1]}`);
      assert.ok(getArticle(slug), `no article ${slug}`);
      assert.ok(articleAnchors(slug).has(anchor ?? ""), `${slug} has no #${anchor}`);
    });
  }
});
