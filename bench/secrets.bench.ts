import { readFileSync, readdirSync, existsSync } from "node:fs";
import type { lintSource as LintSource } from "@secretlint/core";
import type { creator as RecommendedPreset } from "@secretlint/secretlint-rule-preset-recommend";
import { scanText } from "../src/secrets/engine.ts";
import { RULES } from "../src/secrets/rules/index.ts";

/**
 * Secret engine throughput on one core, against secretlint (recommended preset) on the same corpus.
 *
 * The corpus is real minified JavaScript (Prettier's parser plugins and the *.min.js files among our
 * dependencies), cut into 2 MB "bundles" up to ~32 MB, with every rule's sample secrets planted once and
 * hundreds of look-alikes (public keys, documented examples, placeholders, short sk-/re_ substrings)
 * planted at statement boundaries. Everything is seeded: the same corpus every run.
 */
const BUNDLE_BYTES = 2 * 1024 * 1024;
const TARGET_BYTES = 32 * 1024 * 1024;
const RUNS = 5;
const SECRETLINT_RUNS = 2;

const root = new URL("../node_modules/", import.meta.url);

function minifiedSources(): string[] {
  const texts: string[] = [];
  const plugins = new URL("prettier/plugins/", root);
  if (existsSync(plugins)) {
    for (const file of readdirSync(plugins)
      .filter((name) => name.endsWith(".js"))
      .sort()) {
      texts.push(readFileSync(new URL(file, plugins), "utf8"));
    }
  }
  for (const path of [
    "tldts/dist/index.esm.min.js",
    "esquery/dist/esquery.min.js",
    "js-yaml/dist/js-yaml.min.js",
    "ipaddr.js/ipaddr.min.js",
  ]) {
    const url = new URL(path, root);
    if (existsSync(url)) texts.push(readFileSync(url, "utf8"));
  }
  if (texts.length === 0) throw new Error("no minified JavaScript found in node_modules to build the corpus");
  return texts;
}

function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const SHORT_LOOK_ALIKES = [
  'const task-1="sk-1"',
  "re_render(),re_mount()",
  "desk_live_view=!0",
  "mask-image:none",
  'var ghp=1,xoxo="hugs",SG={}',
  'apiKey:"${API_KEY}"',
  'password:"<YOUR_PASSWORD>"',
  'secret:"your-secret-here"',
];

interface Corpus {
  bundles: string[];
  bytes: number;
  planted: string[];
  lookAlikes: number;
}

export function buildCorpus(): Corpus {
  const random = seeded(42);
  const source = minifiedSources().join("\n");
  const secrets = RULES.flatMap((rule) => rule.samples.secret);
  const lookAlikes = [
    ...RULES.flatMap((rule) => [...rule.samples.notSecret, ...(rule.samples.public ?? [])]),
    ...SHORT_LOOK_ALIKES,
  ];
  const planted = secrets.flatMap((text) =>
    scanText(text)
      .filter((m) => m.kind === "secret")
      .map((m) => m.secret),
  );
  const bundles: string[] = [];
  const bundleCount = Math.ceil(TARGET_BYTES / BUNDLE_BYTES);
  let offset = 0;
  let lookAlikeCount = 0;
  for (let index = 0; index < bundleCount; index++) {
    let bundle = "";
    while (bundle.length < BUNDLE_BYTES) {
      const take = Math.min(BUNDLE_BYTES - bundle.length, source.length - offset);
      bundle += source.slice(offset, offset + take);
      offset = (offset + take) % source.length;
    }
    const mine = secrets.filter((_, i) => i % bundleCount === index);
    const decoys = Array.from({ length: 30 }, () => lookAlikes[Math.floor(random() * lookAlikes.length)]!);
    lookAlikeCount += decoys.length;
    // Planted at statement boundaries, where a bundler would put a constant.
    for (const insert of [...mine, ...decoys]) {
      const at = bundle.indexOf(";", Math.floor(random() * bundle.length));
      const cut = at === -1 ? bundle.length : at + 1;
      bundle = `${bundle.slice(0, cut)}${insert};${bundle.slice(cut)}`;
    }
    // Bodies reach the engine decoded from bytes (flat strings), not as concatenation ropes.
    bundles.push(new TextDecoder().decode(Buffer.from(bundle, "utf8")));
  }
  return {
    bundles,
    bytes: bundles.reduce((sum, b) => sum + b.length, 0),
    planted,
    lookAlikes: lookAlikeCount,
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function mb(bytes: number): number {
  return bytes / (1024 * 1024);
}

interface Timing {
  /** Wall-clock seconds. */
  wall: number;
  /** CPU seconds of this process: what one core spent, whatever else the machine was doing. */
  cpu: number;
}

async function measure<T>(work: () => T | Promise<T>): Promise<{ result: T; timing: Timing }> {
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = await work();
  const used = process.cpuUsage(cpu);
  return {
    result,
    timing: { wall: (performance.now() - started) / 1000, cpu: (used.user + used.system) / 1e6 },
  };
}

type Lint = (bundles: readonly string[]) => Promise<number>;

/** secretlint's core and recommended preset ship with the `secretlint` dev dependency. */
async function loadSecretlint(): Promise<Lint | undefined> {
  let lintSource: typeof LintSource;
  let recommended: typeof RecommendedPreset;
  try {
    ({ lintSource } = await import("@secretlint/core"));
    ({ creator: recommended } = await import("@secretlint/secretlint-rule-preset-recommend"));
  } catch {
    return undefined;
  }
  const config = { rules: [{ id: "@secretlint/secretlint-rule-preset-recommend", rule: recommended }] };
  return async (bundles) => {
    let messages = 0;
    for (const [index, bundle] of bundles.entries()) {
      const result = await lintSource({
        source: { content: bundle, filePath: `/bundle-${index}.js`, ext: ".js", contentType: "text" },
        options: { config, maskSecrets: true, noPhysicFilePath: true },
      });
      messages += result.messages.length;
    }
    return messages;
  };
}

function rate(bytes: number, timing: Timing): string {
  return `${(mb(bytes) / timing.cpu).toFixed(1)} MB/s per CPU-second (${(mb(bytes) / timing.wall).toFixed(1)} MB/s wall)`;
}

export default async function run(): Promise<void> {
  const corpus = buildCorpus();
  console.log(
    `corpus: ${corpus.bundles.length} bundles, ${mb(corpus.bytes).toFixed(1)} MB of minified JS, ` +
      `${corpus.planted.length} planted secrets, ${corpus.lookAlikes} planted look-alikes`,
  );
  const secretlint = await loadSecretlint();

  // Interleaved, so a busy machine slows both alike; CPU time is the figure that load barely moves.
  const ours: Timing[] = [];
  const theirs: Timing[] = [];
  let found = new Set<string>();
  let sightings = 0;
  let messages = 0;
  for (let run = 0; run < RUNS; run++) {
    const scanned = await measure(() =>
      corpus.bundles.flatMap((bundle) => scanText(bundle).filter((match) => match.kind === "secret")),
    );
    ours.push(scanned.timing);
    found = new Set(scanned.result.map((match) => match.secret));
    sightings = scanned.result.length;
    if (secretlint && run < SECRETLINT_RUNS) {
      const linted = await measure(() => secretlint(corpus.bundles));
      theirs.push(linted.timing);
      messages = linted.result;
    }
  }
  const ourTiming = { wall: median(ours.map((t) => t.wall)), cpu: median(ours.map((t) => t.cpu)) };
  hostile();
  const recall = corpus.planted.filter((secret) => found.has(secret)).length;
  const extra = [...found].filter((secret) => !corpus.planted.includes(secret)).length;
  console.log(
    `amihackable engine (median of ${RUNS}): ${rate(corpus.bytes, ourTiming)}; ` +
      `found ${recall}/${corpus.planted.length} planted secrets, ${extra} other values reported (${sightings} sightings)`,
  );
  if (!secretlint) {
    console.log("secretlint: not installed, no comparison");
    return;
  }
  const theirTiming = { wall: median(theirs.map((t) => t.wall)), cpu: median(theirs.map((t) => t.cpu)) };
  console.log(
    `secretlint preset-recommend (lintSource, median of ${theirs.length}): ${rate(corpus.bytes, theirTiming)}; ${messages} messages`,
  );
  console.log(
    `ratio: amihackable scans ${(theirTiming.cpu / ourTiming.cpu).toFixed(1)}x as fast as secretlint (CPU time; ${(theirTiming.wall / ourTiming.wall).toFixed(1)}x wall)`,
  );
}

/** The engine on 8 MiB of one rule's worst case: BEGIN lines with no END (once 7.8 s, now linear). */
function hostile(): void {
  const text = "-----BEGIN PRIVATE KEY-----\n".repeat(300_000);
  const started = performance.now();
  scanText(text);
  console.log(
    `hostile ${mb(text.length).toFixed(1)} MB of PEM BEGIN lines with no END: ${Math.round(performance.now() - started)} ms`,
  );
}
