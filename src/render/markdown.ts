import { Lexer, Marked, type Token, type Tokens } from "marked";
import { articleHref, escapeHtml, httpHref, neutralise } from "./escape.ts";
import { trusted, type SafeHtml } from "./template.ts";

export interface Heading {
  id: string;
  /** Plain text (not HTML): whoever places it in a page escapes it. */
  text: string;
  depth: number;
}

export interface RenderedMarkdown {
  html: string;
  /** Every heading that got an id, in document order. */
  headings: Heading[];
}

export interface MarkdownOptions {
  /**
   * "article": our own Learn pages; relative links allowed, headings get ids.
   * "report": Markdown carried inside a scan report (a check's fix), treated as hostile; only absolute
   * http(s) links, no heading ids (they would collide between findings).
   */
  mode: "article" | "report";
  /** Added to every heading level (clamped to h6) so embedded Markdown sits below the page's headings. */
  headingShift?: number;
}

/** `### Title {#anchor}`: an explicit, stable id, as in Pandoc and kramdown. */
const EXPLICIT_ID = /\s*\{#([a-z0-9][a-z0-9-]*)\}\s*$/;

type AnchoredHeading = Tokens.Heading & { anchor?: string };

/**
 * One configured Marked per mode. Markdown lets raw HTML through by default; here every HTML token is
 * shown as text, links keep only safe targets, and images become their alt text (no external fetches).
 */
function createMarked(hrefFor: (href: string) => string | undefined): Marked {
  return new Marked({
    gfm: true,
    renderer: {
      html({ text }) {
        return escapeHtml(text);
      },
      heading(token) {
        const { anchor } = token as AnchoredHeading;
        const inner = this.parser.parseInline(token.tokens);
        const id = anchor ? ` id="${escapeHtml(anchor)}"` : "";
        return `<h${token.depth}${id}>${inner}</h${token.depth}>\n`;
      },
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        const safe = hrefFor(href);
        if (!safe) return inner;
        const external = /^https?:/i.test(safe) ? ' rel="noopener noreferrer"' : "";
        const titleAttr = title ? ` title="${escapeHtml(title)}"` : "";
        return `<a href="${escapeHtml(safe)}"${titleAttr}${external}>${inner}</a>`;
      },
      image({ text }) {
        return escapeHtml(text);
      },
      // Marked passes text after an inline <script> or <pre> tag through unescaped ("raw block"); here the
      // tag itself is shown as text, so that text must be escaped too or "<img onerror=..." would survive.
      text(token) {
        if (token.type === "text" && token.escaped === true && !token.tokens) return escapeHtml(token.text);
        return false;
      },
    },
  });
}

const MARKED = {
  article: createMarked(articleHref),
  report: createMarked(httpHref),
};

/**
 * Renders Markdown to HTML that is safe to embed, and lists its headings with stable ids. The source is
 * neutralised first (bidi and control characters become visible markers, which Markdown reads as plain
 * text); Marked escapes text and code, and the renderer above escapes everything else it emits.
 */
export function renderMarkdown(source: string, options: MarkdownOptions): RenderedMarkdown {
  const marked = MARKED[options.mode];
  const tokens = marked.lexer(neutralise(source));
  const headings = topLevelHeadings(tokens);
  const shift = options.headingShift ?? 0;
  for (const heading of headings) heading.depth = Math.min(6, Math.max(1, heading.depth + shift));
  const anchored = options.mode === "article" ? assignIds(headings, marked) : [];
  return { html: marked.parser(tokens), headings: anchored };
}

/** The same, as markup for the template: Markdown from a report or an article placed in a page. */
export function markdownHtml(source: string, options: MarkdownOptions): SafeHtml {
  return trusted(renderMarkdown(source, options).html);
}

function topLevelHeadings(tokens: Token[]): AnchoredHeading[] {
  return tokens.filter((token): token is AnchoredHeading => token.type === "heading");
}

/**
 * Explicit `{#id}` ids are taken first so a derived id can never steal one; derived ids come from the
 * heading's words and get -2, -3... when repeated. Both are stable for the same text.
 */
function assignIds(headings: AnchoredHeading[], marked: Marked): Heading[] {
  const taken = new Set<string>();
  for (const heading of headings) {
    const explicit = EXPLICIT_ID.exec(heading.text);
    if (!explicit) continue;
    const id = explicit[1]!;
    heading.text = heading.text.replace(EXPLICIT_ID, "");
    heading.tokens = Lexer.lexInline(heading.text, marked.defaults);
    if (!taken.has(id)) {
      heading.anchor = id;
      taken.add(id);
    }
  }
  for (const heading of headings) {
    if (heading.anchor) continue;
    const base = slugify(plainText(heading.tokens)) || "section";
    let id = base;
    for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
    heading.anchor = id;
    taken.add(id);
  }
  return headings.map((heading) => ({
    id: heading.anchor!,
    text: plainText(heading.tokens),
    depth: heading.depth,
  }));
}

export function plainText(tokens: readonly Token[]): string {
  return tokens
    .map((token) => {
      if ("tokens" in token && token.tokens) return plainText(token.tokens);
      if (token.type === "escape" || token.type === "text" || token.type === "codespan")
        return (token as Tokens.Text | Tokens.Escape | Tokens.Codespan).text;
      return "";
    })
    .join("");
}

export function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}
