import { readFileSync } from "node:fs";
import { LEARN_DIR } from "./articles.ts";
import { parseFrontMatter } from "./front-matter.ts";

const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const HEADING = /^(#{1,6})\s+(.*?)\s*(?:\{#([a-z0-9-]+)\})?\s*$/;

/**
 * An article's Markdown as written, for a terminal: the whole article, or only the part under the heading
 * with id `anchor` (up to the next heading of the same or a higher level). Undefined when there is no such
 * article or heading. The text is ours (it ships in learn/), not a target's.
 */
export function articleMarkdown(slug: string, anchor?: string): { title: string; text: string } | undefined {
  if (!SLUG.test(slug)) return undefined;
  let source: string;
  try {
    source = readFileSync(new URL(`${slug}.md`, LEARN_DIR), "utf8");
  } catch {
    return undefined;
  }
  const { fields, body } = parseFrontMatter(source);
  const title = fields.title ?? slug;
  if (anchor === undefined) return { title, text: body.trim() };
  const lines = body.split(/\r?\n/);
  const start = lines.findIndex((line) => HEADING.exec(line)?.[3] === anchor);
  if (start < 0) return undefined;
  const level = HEADING.exec(lines[start]!)![1]!.length;
  let end = start + 1;
  while (end < lines.length) {
    const heading = HEADING.exec(lines[end]!);
    if (heading && heading[1]!.length <= level) break;
    end++;
  }
  return { title, text: lines.slice(start, end).join("\n").replace(/\s*\{#[a-z0-9-]+\}/g, "").trim() };
}
