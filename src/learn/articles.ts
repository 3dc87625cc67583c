import { readdirSync, readFileSync } from "node:fs";
import { parseFrontMatter } from "./front-matter.ts";
import { renderMarkdown } from "../render/index.ts";
import { packageFile } from "../package-root.ts";

export interface ArticleSummary {
  slug: string;
  title: string;
  summary: string;
}

/**
 * An article explains one family of findings and follows the sections of sections.ts; a guide explains
 * something about the scanner itself (how the grade works) and keeps only the shared rules of writing.
 */
export type ArticleKind = "article" | "guide";

export interface Article extends ArticleSummary {
  kind: ArticleKind;
  /** Rendered Markdown, safe to embed: raw HTML in the source is shown as text, links are filtered. */
  html: string;
  /** The article's sections (its h2 headings) for a table of contents; text is plain, escape it. */
  headings: Array<{ id: string; text: string }>;
}

/** The articles ship with the code, in learn/ at the package root. */
export const LEARN_DIR = packageFile("learn/");
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

interface Loaded {
  order: number;
  article: Article;
  /** Ids of every heading, at any level (finding anchors are h3). */
  anchors: ReadonlySet<string>;
}

let cache: Map<string, Loaded> | undefined;

/** Reads and renders every learn/*.md once; the articles ship with the code, so they never change. */
function load(): Map<string, Loaded> {
  if (cache) return cache;
  const loaded = new Map<string, Loaded>();
  for (const file of readdirSync(LEARN_DIR).sort()) {
    if (!file.endsWith(".md")) continue;
    const slug = file.slice(0, -3);
    if (!SLUG.test(slug)) continue;
    loaded.set(slug, parseArticle(slug, readFileSync(new URL(file, LEARN_DIR), "utf8")));
  }
  cache = loaded;
  return loaded;
}

export function parseArticle(slug: string, source: string): Loaded {
  const { fields, body } = parseFrontMatter(source);
  const { title, summary } = fields;
  if (!title || !summary) throw new Error(`learn/${slug}.md needs "title" and "summary" in its front matter`);
  const order = Number(fields.order ?? Number.MAX_SAFE_INTEGER);
  if (fields.kind !== undefined && fields.kind !== "article" && fields.kind !== "guide")
    throw new Error(`learn/${slug}.md: kind is "article" or "guide"`);
  const kind: ArticleKind = fields.kind === "guide" ? "guide" : "article";
  const rendered = renderMarkdown(body, { mode: "article" });
  const headings = rendered.headings
    .filter((heading) => heading.depth === 2)
    .map(({ id, text }) => Object.freeze({ id, text }));
  const article: Article = Object.freeze({
    kind,
    slug,
    title,
    summary,
    html: rendered.html,
    headings: Object.freeze(headings) as Article["headings"],
  });
  return { order, article, anchors: new Set(rendered.headings.map((heading) => heading.id)) };
}

export function listArticles(): ArticleSummary[] {
  return [...load().values()]
    .sort((a, b) => a.order - b.order || a.article.slug.localeCompare(b.article.slug))
    .map(({ article: { slug, title, summary } }) => ({ slug, title, summary }));
}

export function getArticle(slug: string): Article | undefined {
  if (!SLUG.test(slug)) return undefined;
  return load().get(slug)?.article;
}

/** Every id a heading of the article carries (all levels), for links from findings. */
export function articleAnchors(slug: string): ReadonlySet<string> {
  if (!SLUG.test(slug)) return new Set();
  return load().get(slug)?.anchors ?? new Set();
}
