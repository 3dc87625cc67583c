import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Linter } from "eslint";
import tseslint from "typescript-eslint";
import { layers } from "../../eslint.layers.js";

/** Lints one line as if it stood in `file`, with only the layer rules (what `npm run lint` applies too). */
function violations(file: string, line: string): string[] {
  const linter = new Linter({ configType: "flat" });
  const config = [{ files: ["**/*.ts"], languageOptions: { parser: tseslint.parser } }, ...layers];
  return linter
    .verify(line, config, { filename: file })
    .filter((message) => message.ruleId === "no-restricted-imports")
    .map((message) => message.message);
}

describe("layer rules (eslint.layers.js)", () => {
  it("refuse a deliberate back-arrow in every layer", () => {
    const arrows: Array<[file: string, line: string]> = [
      ["src/checks/cors/x.ts", 'import { HttpClient } from "../../http/index.ts";'],
      ["src/checks/cors/x.ts", 'import { corsProbe } from "../../probes/index.ts";'],
      ["src/core/x.ts", 'import type { TlsObservation } from "../http/index.ts";'],
      ["src/artifacts/x.ts", 'import { inlineSourceMap } from "../probes/index.ts";'],
      ["src/probes/cors/x.ts", 'import type { ScanIssue } from "../../engine/index.ts";'],
      ["src/reporters/x.ts", 'import { listArticles } from "../learn/index.ts";'],
      ["src/reporters/x.ts", 'import { layout } from "../interfaces/web/index.ts";'],
      ["src/learn/x.ts", 'import { renderHtml } from "../reporters/index.ts";'],
      ["src/render/x.ts", 'import type { Report } from "../engine/index.ts";'],
      ["src/http/x.ts", 'import { scan } from "../engine/index.ts";'],
      ["src/interfaces/cli/x.ts", 'import { startServer } from "../../../test/support/server.ts";'],
      // Another folder is entered through its index.ts only.
      ["src/checks/cors/x.ts", 'import { CorsObservations } from "../../artifacts/cors-observations.ts";'],
      ["src/engine/x.ts", 'import { corsChecks } from "../checks/cors/index.ts";'],
      ["src/probes/cors/x.ts", 'import type { Exchange } from "../../core/exchange.ts";'],
    ];
    for (const [file, line] of arrows) assert.ok(violations(file, line).length > 0, `${file}: ${line}`);
  });

  it("allow the arrows that point down, and tests beside the code", () => {
    const fine: Array<[file: string, line: string]> = [
      ["src/checks/cors/x.ts", 'import { CorsObservations } from "../../artifacts/index.ts";'],
      ["src/checks/cors/x.ts", 'import type { Check } from "../../core/index.ts";'],
      ["src/checks/cors/x.ts", 'import { allowlistFixesLedBy } from "./shared.ts";'],
      ["src/core/x.ts", 'import type { Exchange } from "./exchange.ts";'],
      ["src/probes/cors/x.ts", 'import type { HttpClient } from "../../http/index.ts";'],
      ["src/probes/cors/x.ts", 'import type { Probe } from "../probe.ts";'],
      ["src/engine/x.ts", 'import { PROBES } from "../probes/index.ts";'],
      ["src/engine/x.ts", 'import { VERSION } from "../version.ts";'],
      ["src/reporters/x.ts", 'import { html } from "../render/index.ts";'],
      ["src/learn/x.ts", 'import { renderMarkdown } from "../render/index.ts";'],
      ["src/checks/cors/x.ts", 'import { escapeHtml } from "../../render/index.ts";'],
      ["src/checks/cors/x.test.ts", 'import { testCheck } from "../../../test/tester/check-tester.ts";'],
    ];
    for (const [file, line] of fine) assert.deepEqual(violations(file, line), [], `${file}: ${line}`);
  });
});
