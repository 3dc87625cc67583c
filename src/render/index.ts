/**
 * Rendering shared by the reporters, the Learn section and the web pages: the escape-by-default `html`
 * template, the one escaper behind it, and the Markdown renderer. It imports nothing of ours but itself,
 * so every layer above (reporters, learn, interfaces) may use it.
 */
export { clip, escapeHtml, neutralise } from "./escape.ts";
export {
  markdownHtml,
  renderMarkdown,
  type Heading,
  type MarkdownOptions,
  type RenderedMarkdown,
} from "./markdown.ts";
export {
  clipped,
  html,
  join,
  safeArticleHref,
  safeHttpHref,
  trusted,
  SafeHtml,
  type Interpolation,
} from "./template.ts";
