import { readFileSync } from "node:fs";
import { ServedLibraries } from "../src/artifacts/index.ts";
import { retireRepository } from "../src/artifacts/retire-repository.ts";
import { librariesInCode } from "../src/artifacts/served-libraries.ts";
import { recorded } from "../test/tester/recording.ts";

/**
 * Library recognition (the artifact both library.* checks read) on a scan with 20 same-site bundles of
 * 1 MiB each: real minified code (the library files the tests use, plus application-like filler) with an
 * old jQuery in one of them. Then each content pattern's worst case on 1 MiB built to make it backtrack.
 */
const MIB = 1024 * 1024;
const BUNDLES = 20;
const RUNS = 3;

function file(path: string): string {
  return readFileSync(new URL(`../node_modules/${path}`, import.meta.url), "utf8");
}

function oneMib(parts: readonly string[]): string {
  let text = "";
  for (let index = 0; text.length < MIB; index++) text += `${parts[index % parts.length]}\n;`;
  return text.slice(0, MIB);
}

export default async function bench(): Promise<void> {
  const compileStart = performance.now();
  retireRepository();
  console.log(`load and compile the Retire.js data: ${(performance.now() - compileStart).toFixed(0)} ms`);

  const code = [
    file("lodash-4.18.1/lodash.min.js"),
    file("bootstrap-5.3.9/dist/js/bootstrap.bundle.min.js"),
    file("jquery-3.7.1/dist/jquery.min.js"),
    file("tldts/dist/index.esm.min.js"),
  ];
  const times: number[] = [];
  let found = 0;
  for (let run = 0; run < RUNS; run++) {
    const builder = recorded().page({ body: "<!doctype html><title>x</title>" });
    for (let index = 0; index < BUNDLES; index++) {
      const parts = index === 7 ? [file("jquery-1.12.4/dist/jquery.min.js"), ...code] : code.slice(index % 2);
      const path = `/assets/chunk-${index}.js`;
      builder.script(path).bundle(path, oneMib(parts));
    }
    const recording = builder.build();
    const start = performance.now();
    found = ServedLibraries.of(recording).length;
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  console.log(
    `${BUNDLES} bundles of 1 MiB: median ${times[Math.floor(RUNS / 2)]?.toFixed(0)} ms to recognise libraries (${found} library versions found; ${RUNS} runs)`,
  );

  const repository = retireRepository();
  const hostile: Record<string, string> = {
    'f="1.2.3", repeated (jQuery\'s `.*` signature)': '[f="1.2.3",'.repeat(MIB / 11),
    "'1.2.3' repeated (Vue's 8000-character span)": "'1.2.3'".repeat(MIB / 7),
    '.version="1.2.3" repeated (Moment\'s spans)': '.version="1.2.3"'.repeat(MIB / 16),
  };
  const anchors = repository.rules
    .flatMap((rule) => [...rule.content, ...rule.contentReplace].map((item) => item.plan.anchor ?? ""))
    .join(" ");
  for (const [name, text] of Object.entries(hostile)) {
    for (const [variant, input] of [
      ["", text],
      [
        " with every pattern's literal planted",
        `${text.slice(0, MIB / 2)}${anchors}${text.slice(0, MIB / 2)}`,
      ],
    ] as const) {
      const start = performance.now();
      librariesInCode(repository, input);
      console.log(`1 MiB of ${name}${variant}: ${(performance.now() - start).toFixed(0)} ms`);
    }
  }
}
