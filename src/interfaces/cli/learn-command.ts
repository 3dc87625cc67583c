import { CHECKS } from "../../checks/index.ts";
import { articleMarkdown, listArticles } from "../../learn/index.ts";
import { EXIT, failWith, type CliIo } from "./exit-codes.ts";

/**
 * `amihackable learn ID`: the Learn text for a finding id (its section of the family's article) or for an
 * article slug, printed as Markdown. The text report points here, so a terminal user reads the same
 * explanation the web app serves at /learn, offline and without running the server.
 */
export function runLearn(topic: string | undefined, io: CliIo): number {
  if (topic === undefined) {
    io.stdout.write(
      "Learn articles (amihackable learn SLUG), and any finding id (amihackable learn cors.origin-reflected):\n",
    );
    for (const article of listArticles()) io.stdout.write(`  ${article.slug}\t${article.title}\n`);
    return EXIT.ok;
  }
  const check = CHECKS.find((candidate) => candidate.meta.id === topic);
  const [slug = "", anchor] = check ? check.meta.learn.split("#") : [topic];
  const found = articleMarkdown(slug, anchor);
  if (!found)
    return failWith(io)(
      `no finding id or Learn article is called "${topic}" (see "amihackable checks" and "amihackable learn")`,
    );
  io.stdout.write(`${found.title}\n\n${found.text}\n`);
  return EXIT.ok;
}
