/**
 * Refreshes the Retire.js repository copy beside this file from its source (GitHub, raw file of the
 * `master` branch), or from a local file given with `--from FILE`. Run by hand, never by the tests:
 *   node_modules/.bin/node scripts/refresh-retirejs.ts [--from FILE]
 */
import { readFileSync, writeFileSync } from "node:fs";
import { compileRepository } from "../src/artifacts/retire-repository.ts";

const SOURCE = "https://raw.githubusercontent.com/RetireJS/retire.js/master/repository/jsrepository-v4.json";
const COMMITS =
  "https://api.github.com/repos/RetireJS/retire.js/commits?path=repository/jsrepository-v4.json&per_page=1";
const TARGET = new URL("../third-party/retirejs/jsrepository-v4.json", import.meta.url);

async function download(url: string): Promise<string> {
  const response = await fetch(url, { signal: AbortSignal.timeout(30_000) });
  if (!response.ok) throw new Error(`${url} answered ${response.status}`);
  return response.text();
}

const fromIndex = process.argv.indexOf("--from");
const fromFile = fromIndex >= 0 ? process.argv[fromIndex + 1] : undefined;
const text = fromFile !== undefined ? readFileSync(fromFile, "utf8") : await download(SOURCE);

const data = JSON.parse(text) as Parameters<typeof compileRepository>[0];
const rejected = new Set<string>();
const repository = compileRepository(data, rejected);
if (repository.rules.length < 50)
  throw new Error(`only ${repository.rules.length} libraries: not the repository`);
if (rejected.size > 0)
  console.warn(`patterns that do not compile (left out at run time):\n${[...rejected].join("\n")}`);
writeFileSync(TARGET, text);
console.log(`wrote ${repository.rules.length} libraries to ${TARGET.pathname}`);

if (fromFile === undefined) {
  const [latest] = JSON.parse(await download(COMMITS)) as Array<{
    sha: string;
    commit: { committer: { date: string } };
  }>;
  if (latest)
    console.log(`update README.md: commit ${latest.sha}, ${latest.commit.committer.date.slice(0, 10)}`);
}
