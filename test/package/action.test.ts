import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, before, describe, it } from "node:test";
import { parse } from "yaml";
import { handleDemoRequest } from "../../src/interfaces/demo/vulnerable-site.ts";
import { packTarball, pathWithThisNode } from "../support/packed.ts";
import { startServer, type TestServer } from "../support/server.ts";

interface ActionStep {
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  shell?: string;
  env?: Record<string, string>;
  with?: Record<string, string | number>;
}
interface Action {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, { value: string }>;
  runs: { using: string; steps: ActionStep[] };
}

const root = new URL("../../", import.meta.url).pathname;
const action = parse(readFileSync(path.join(root, "action.yml"), "utf8")) as Action;
const { version } = JSON.parse(readFileSync(path.join(root, "package.json"), "utf8")) as { version: string };

/**
 * The few GitHub expressions action.yml uses, evaluated as GitHub would: `inputs.NAME`,
 * `steps.scan.outputs.NAME`, literals, `a || b` (the first non-empty) and `format('x{0}', inputs.NAME)`.
 * Anything else fails the test, so the action cannot grow an expression this local run does not understand.
 */
function evaluate(
  expression: string,
  inputs: Record<string, string>,
  stepOutputs: Record<string, string>,
): string {
  const value = (term: string): string => {
    term = term.trim();
    const output = /^steps\.scan\.outputs\.([a-z-]+)$/.exec(term);
    if (output) return stepOutputs[output[1]!] ?? "";
    const literal = /^'([^']*)'$|^(\d+)$/.exec(term);
    if (literal) return literal[1] ?? literal[2]!;
    const input = /^inputs\.([a-z-]+)$/.exec(term);
    if (input) {
      assert.ok(input[1]! in action.inputs, `action.yml names the undeclared input ${input[1]}`);
      return inputs[input[1]!] ?? action.inputs[input[1]!]!.default ?? "";
    }
    const format = /^format\('([^']*)', *(.+)\)$/.exec(term);
    if (format) return format[1]!.replace("{0}", value(format[2]!));
    assert.fail(`an expression the local run does not evaluate: ${term}`);
  };
  return (
    expression
      .split("||")
      .map(value)
      .find((part) => part !== "") ?? ""
  );
}

function substitute(
  text: string,
  inputs: Record<string, string>,
  stepOutputs: Record<string, string> = {},
): string {
  return text.replace(/\$\{\{(.+?)\}\}/g, (_match, expression: string) =>
    evaluate(expression, inputs, stepOutputs),
  );
}

/** Runs a `run:` step with bash, its env from action.yml, in `workspace`, like the runner does. */
function runStep(
  step: ActionStep,
  inputs: Record<string, string>,
  runner: Record<string, string>,
  workspace: string,
  stepOutputs: Record<string, string> = {},
): Promise<{ code: number; stderr: string }> {
  const env: NodeJS.ProcessEnv = { ...process.env, ...runner, PATH: pathWithThisNode(), NO_COLOR: "1" };
  for (const [name, value] of Object.entries(step.env ?? {}))
    env[name] = substitute(value, inputs, stepOutputs);
  return new Promise((resolve) => {
    const child = spawn("bash", ["-e", "-c", substitute(step.run!, inputs, stepOutputs)], {
      cwd: workspace,
      env,
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => child.kill("SIGKILL"), 300_000);
    child.on("close", (code) => {
      clearTimeout(timer);
      resolve({ code: code ?? -1, stderr });
    });
  });
}

/** `key=value` lines of $GITHUB_OUTPUT, the last value of a key winning as on GitHub. */
function outputs(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, "utf8")
      .split("\n")
      .filter((line) => line.includes("="))
      .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
  );
}

/**
 * The repository's GitHub Action, run locally: its scan step's own command and environment (from
 * action.yml, expressions evaluated), with the packed package as what it installs, against a loopback
 * fixture; then its last step, which fails the job on the recorded exit code. The setup-node and
 * upload-sarif steps are GitHub's own actions: the test checks what they are given.
 */
describe("the GitHub Action (action.yml), its steps run locally", () => {
  let site: TestServer;
  const work = mkdtempSync(path.join(tmpdir(), "amihackable-action-"));
  let tarball: string;
  let resolveArgs: string;
  let url: string;
  const scanStep = () => action.runs.steps.find((step) => step.id === "scan")!;
  const failStep = () => action.runs.steps.at(-1)!;

  /** One run of the action in a fresh workspace and runner temp: its outputs, summary and the job's end. */
  async function runAction(name: string, inputs: Record<string, string>, files: Record<string, string> = {}) {
    const workspace = path.join(work, name);
    const temp = path.join(work, `${name}-temp`);
    mkdirSync(workspace, { recursive: true });
    mkdirSync(temp, { recursive: true });
    for (const [file, content] of Object.entries(files)) writeFileSync(path.join(workspace, file), content);
    const runner = {
      GITHUB_ACTION_PATH: root.replace(/\/$/, ""),
      RUNNER_TEMP: temp,
      GITHUB_OUTPUT: path.join(temp, "output"),
      GITHUB_STEP_SUMMARY: path.join(temp, "summary.md"),
    };
    const scanned = await runStep(scanStep(), inputs, runner, workspace);
    assert.equal(scanned.code, 0, `the scan step never fails the job itself:\n${scanned.stderr}`);
    const stepOutputs = outputs(runner.GITHUB_OUTPUT);
    // The last step runs when the recorded exit code is not 0 (its `if:`), and exits with it.
    assert.match(failStep().if ?? "", /steps\.scan\.outputs\.exit-code != '0'/);
    const job =
      stepOutputs["exit-code"] === "0"
        ? { code: 0, stderr: "" }
        : await runStep(failStep(), inputs, runner, workspace, stepOutputs);
    const summary = existsSync(runner.GITHUB_STEP_SUMMARY)
      ? readFileSync(runner.GITHUB_STEP_SUMMARY, "utf8")
      : "";
    return { workspace, outputs: stepOutputs, summary, jobCode: job.code, stderr: scanned.stderr };
  }

  before(async () => {
    site = await startServer(handleDemoRequest);
    url = `http://shop.demo.test:${site.port}/`;
    resolveArgs = `--resolve shop.demo.test:${site.port}:127.0.0.1 --resolve shop.demo.test:*:127.0.0.1`;
    tarball = packTarball(work);
  });
  after(async () => {
    await site.close();
    rmSync(work, { recursive: true, force: true });
  });

  it("is a composite action whose default version is this package's, on Node 24, uploading SARIF", () => {
    assert.equal(action.runs.using, "composite");
    assert.equal(action.inputs.version?.default, version, "action.yml's version follows package.json");
    assert.equal(action.inputs.url?.required, true);
    const setup = action.runs.steps.find((step) => step.uses?.startsWith("actions/setup-node@"));
    assert.equal(setup?.with?.["node-version"], 24);
    const upload = action.runs.steps.find((step) =>
      step.uses?.startsWith("github/codeql-action/upload-sarif@"),
    );
    assert.equal(upload?.with?.sarif_file, "${{ steps.scan.outputs.sarif-file }}");
    assert.match(upload?.if ?? "", /always\(\)/, "findings are uploaded even when the job is to fail");
    assert.match(failStep().if ?? "", /always\(\)/);
  });

  it("scans, writes SARIF and JSON, summarises the job in Markdown, and fails the job on a high finding", async () => {
    const run = await runAction("first", { url, package: tarball, args: resolveArgs });
    assert.equal(run.outputs["exit-code"], "1", run.stderr);
    assert.equal(run.jobCode, 1, "the last step fails the job");
    const sarif = JSON.parse(readFileSync(path.join(run.workspace, run.outputs["sarif-file"]!), "utf8")) as {
      version: string;
      runs: Array<{ results: Array<{ ruleId: string; partialFingerprints: Record<string, string> }> }>;
    };
    assert.equal(sarif.version, "2.1.0");
    assert.ok(sarif.runs[0]!.results.some((result) => result.ruleId === "exposure.env-file"));
    assert.ok(
      sarif.runs[0]!.results.every((result) =>
        /^[0-9a-f]{64}$/.test(result.partialFingerprints["amihackable/v1"]!),
      ),
    );
    const json = JSON.parse(readFileSync(path.join(run.workspace, run.outputs["json-file"]!), "utf8")) as {
      findings: unknown[];
    };
    assert.equal(json.findings.length, sarif.runs[0]!.results.length, "JSON and SARIF judge the same scan");
    assert.match(run.summary, /^## amihackable: grade F for http:\/\/shop\.demo\.test:\d+\//);
    writeFileSync(path.join(work, "baseline.json"), JSON.stringify(json));
  });

  it("with the last report as baseline and a reasoned ignore entry, passes and marks what is accepted", async () => {
    const run = await runAction(
      "again",
      {
        url,
        package: tarball,
        args: resolveArgs,
        baseline: path.join(work, "baseline.json"),
        "fail-on": "medium",
      },
      { ".amihackableignore": "- id: exposure.env-file\n  reason: the demo's .env holds fake keys\n" },
    );
    assert.equal(run.outputs["exit-code"], "0", run.stderr);
    assert.equal(run.jobCode, 0);
    const sarif = JSON.parse(readFileSync(path.join(run.workspace, "amihackable.sarif"), "utf8")) as {
      runs: Array<{ results: Array<{ ruleId: string; baselineState?: string; suppressions?: unknown[] }> }>;
    };
    const results = sarif.runs[0]!.results;
    assert.ok(
      results
        .filter((result) => !result.suppressions)
        .every((result) => result.baselineState === "unchanged"),
    );
    assert.deepEqual(
      results.filter((result) => result.suppressions).map((result) => result.ruleId),
      ["exposure.env-file"],
    );
    assert.match(run.summary, /\n0 new since the baseline\.\n/);
    assert.match(run.summary, /1 accepted \(ignore entries\)/);
  });

  it("an unreachable site ends the job with exit 2 and says why", async () => {
    const run = await runAction("unreachable", {
      url: "http://closed.demo.test:1/",
      package: tarball,
      args: "--resolve closed.demo.test:1:127.0.0.1",
    });
    assert.equal(run.outputs["exit-code"], "2");
    assert.equal(run.jobCode, 2);
    assert.match(run.stderr, /amihackable: .*refused/i);
  });
});
