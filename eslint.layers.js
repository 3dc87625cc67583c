// The layers of src/ (docs/architecture.md), as lint rules so the next back-arrow fails CI instead of
// landing. Each folder lists what it may not import; tests beside the code may reach test/ support.
const NON_TEST = { ignores: ["**/*.test.ts"] };

/** `from "../x/…"`, `"../../x/…"`: an import that leaves the folder for x. */
const into = (...folders) => `^(\\.\\./)+(${folders.join("|")})/`;

/** An import that enters another folder anywhere but its index.ts (`../artifacts/csp.ts`). */
const THROUGH_THE_DOOR = {
  regex: "^(\\.\\./)+[^./][^/]*/(?!index\\.ts$)",
  message: "Enter another folder through its index.ts: it lists what that folder offers to the others.",
};

function layer(files, regex, message) {
  return {
    files,
    ...NON_TEST,
    rules: { "no-restricted-imports": ["error", { patterns: [{ regex, message }, THROUGH_THE_DOOR] }] },
  };
}

export const layers = [
  layer(["src/core/**/*.ts"], "^\\.\\./", "core/ holds the shared types and imports nothing else of ours."),
  layer(
    ["src/render/**/*.ts"],
    "^\\.\\./",
    "render/ (the escape-by-default template) imports nothing else of ours, so every layer may use it.",
  ),
  layer(
    ["src/http/**/*.ts"],
    "^\\.\\./(?!core/)",
    "http/ is the one door for bytes: it may import core/ only.",
  ),
  layer(
    ["src/artifacts/**/*.ts", "src/secrets/**/*.ts"],
    into("checks", "probes", "engine", "http", "interfaces", "reporters", "store", "queue", "learn", "test"),
    "Artifacts and the secret engine are pure views of recordings: core/ (and secrets/) only.",
  ),
  layer(
    ["src/checks/**/*.ts"],
    into("http", "probes", "engine", "interfaces", "reporters", "store", "queue", "learn", "test"),
    "A check judges typed artifacts: it may import core/, artifacts/ and secrets/, never http/ or probes/.",
  ),
  layer(
    ["src/probes/**/*.ts"],
    into("checks", "engine", "interfaces", "reporters", "store", "queue", "learn", "test"),
    "A probe gathers through http/ and writes what artifacts/ reads; it never judges.",
  ),
  layer(
    ["src/engine/**/*.ts"],
    into("interfaces", "reporters", "store", "queue", "learn", "test"),
    "The engine runs scans; interfaces and reporters sit on top of it.",
  ),
  layer(
    ["src/reporters/**/*.ts"],
    into("checks", "probes", "http", "artifacts", "interfaces", "store", "queue", "learn", "test"),
    "Reporters only render a Report (core/, render/ and engine/report.ts).",
  ),
  layer(
    ["src/learn/**/*.ts"],
    into("reporters", "interfaces", "engine", "checks", "probes", "http", "store", "queue", "test"),
    "Learn articles are read by the web pages; learn/ uses render/ and core/ only.",
  ),
  layer(
    ["src/store/**/*.ts", "src/queue/**/*.ts", "src/interfaces/**/*.ts", "src/*.ts"],
    into("test"),
    "src/ never imports test/.",
  ),
];
