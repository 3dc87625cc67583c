/** The Learn section: one Markdown article per finding family (learn/*.md), rendered safely and cached. */
export {
  articleAnchors,
  getArticle,
  listArticles,
  type Article,
  type ArticleKind,
  type ArticleSummary,
} from "./articles.ts";
export { ARTICLE_SECTIONS, type ArticleSectionId } from "./sections.ts";
export { articleMarkdown } from "./markdown-section.ts";
