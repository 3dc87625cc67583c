/**
 * The sections every Learn article has, by heading id, in reading order. Articles write them as
 * `## Any title {#id}` so the words can suit the topic while links and the web page rely on the ids.
 */
export const ARTICLE_SECTIONS = [
  { id: "short-version", purpose: "the answer in a few sentences" },
  { id: "why-it-exists", purpose: "the problem the mechanism solves" },
  { id: "how-it-works", purpose: "what the browser or server actually does" },
  { id: "what-matters", purpose: "the headers or settings that decide it" },
  { id: "common-mistakes", purpose: "what generated code tends to get wrong" },
  { id: "how-to-fix", purpose: "the fix per framework and host, with code" },
  { id: "check-your-site", purpose: "call to action: the web page places a scan form here" },
  { id: "faq", purpose: "short answers to the questions people ask" },
  { id: "finding-reference", purpose: "one heading per finding id, anchored by the id's name part" },
] as const;

export type ArticleSectionId = (typeof ARTICLE_SECTIONS)[number]["id"];
