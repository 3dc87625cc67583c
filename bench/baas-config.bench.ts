import { existsSync, readdirSync, readFileSync } from "node:fs";
import { parseTarget } from "../src/core/target.ts";
import type { ScannedText } from "../src/artifacts/baas-sources.ts";
import { extractBaasConfig } from "../src/artifacts/baas-config.ts";
import { firebaseApiKey, supabaseJwt } from "../test/fixtures/baas/keys.ts";
import { firebaseBundle, supabaseBundle } from "../test/fixtures/baas/sites.ts";

/**
 * Backend-config extraction (Supabase/Firebase/publishable keys) over real minified JavaScript: Prettier's
 * parser plugins cut into 2 MB bundles up to 16 MB, one bundle carrying a Supabase and a Firebase setup.
 * Baseline: one case-insensitive regex pass for "supabase|firebase" over the same texts (the least any
 * extraction must do). Then hostile inputs built to make the patterns backtrack.
 */
const BUNDLE_BYTES = 2 * 1024 * 1024;
const TARGET_BYTES = 16 * 1024 * 1024;
const RUNS = 5;
const target = parseTarget("https://app.shop.dev/");

function corpus(): ScannedText[] {
  const dir = new URL("../node_modules/prettier/plugins/", import.meta.url);
  let text = existsSync(dir)
    ? readdirSync(dir)
        .filter((name) => name.endsWith(".js"))
        .sort()
        .map((name) => readFileSync(new URL(name, dir), "utf8"))
        .join("\n")
    : "var a=1;".repeat(1000);
  while (text.length < TARGET_BYTES) text += text;
  const bundles: ScannedText[] = [];
  for (let i = 0; i * BUNDLE_BYTES < TARGET_BYTES; i++) {
    bundles.push({
      url: `https://app.shop.dev/${i}.js`,
      exchangeId: i + 1,
      text: text.slice(i * BUNDLE_BYTES, (i + 1) * BUNDLE_BYTES),
    });
  }
  const ref = "benchqwertyuiopasdfg";
  bundles[3]!.text += `\n${supabaseBundle(`https://${ref}.supabase.co`, supabaseJwt(ref, "anon"))}\n`;
  bundles[5]!.text += `\n${firebaseBundle({ apiKey: firebaseApiKey("bench"), authDomain: "bench-1.firebaseapp.com", projectId: "bench-1" })}\n`;
  return bundles;
}

function median(fn: () => void): number {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    fn();
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[Math.floor(RUNS / 2)]!;
}

export default async () => {
  const texts = corpus();
  const megabytes = texts.reduce((sum, source) => sum + source.text.length, 0) / 1048576;
  let found = 0;
  const extraction = median(() => {
    const config = extractBaasConfig(texts, target);
    found = config.supabase.projects.length + config.firebase.projects.length;
  });
  // The common case: no backend config anywhere, so the literal pre-checks skip every pattern.
  const plain = texts.map((source, i) => ({ ...source, text: i === 3 || i === 5 ? "" : source.text }));
  const withoutBackend = median(() => extractBaasConfig(plain, target));
  const baseline = median(() => {
    for (const source of texts) for (const _ of source.text.matchAll(/supabase|firebase/gi)) void _;
  });
  console.log(`without any backend config (6 of the bundles): median ${withoutBackend.toFixed(1)} ms`);
  console.log(`corpus: ${megabytes.toFixed(1)} MB of minified JavaScript in ${texts.length} bundles`);
  console.log(
    `extractBaasConfig: median ${extraction.toFixed(1)} ms (${(megabytes / (extraction / 1000)).toFixed(0)} MB/s), ${found} projects found`,
  );
  console.log(
    `baseline single regex pass: median ${baseline.toFixed(1)} ms; ratio ${(extraction / baseline).toFixed(1)}x`,
  );

  const hostile: Array<[string, string]> = [
    ["JWT look-alikes without dots", "eyJ" + "a".repeat(3000) + "."],
    ['unterminated .from(" calls', '.from("' + "a".repeat(60)],
    ["createClient with no closing quote", 'createClient("https://' + "a".repeat(150)],
    ["apiKey properties without values", 'apiKey:"AIza' + "b".repeat(30)],
    ["collection( calls with long arguments", "collection(" + "x".repeat(60) + ","],
  ];
  for (const [name, unit] of hostile) {
    let text = "";
    while (text.length < 4 * 1048576) text += unit + "\n";
    const time = median(() =>
      extractBaasConfig([{ url: "https://app.shop.dev/h.js", exchangeId: 1, text }], target),
    );
    console.log(`hostile 4 MB (${name}): median ${time.toFixed(1)} ms`);
  }
};
