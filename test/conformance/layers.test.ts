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
      ["src/checks/cors/x.ts", 'import { HttpClient } from "../../http/client.ts";'],
      ["src/checks/cors/x.ts", 'import { corsProbe } from "../../probes/cors/probe.ts";'],
      ["src/core/x.ts", 'import type { TlsObservation } from "../http/connector.ts";'],
      ["src/artifacts/x.ts", 'import { inlineSourceMap } from "../probes/exposure/source-map-url.ts";'],
      ["src/probes/cors/x.ts", 'import type { ScanIssue } from "../../engine/report.ts";'],
      ["src/reporters/x.ts", 'import { listArticles } from "../learn/index.ts";'],
      ["src/reporters/x.ts", 'import { layout } from "../interfaces/web/layout.ts";'],
      ["src/learn/x.ts", 'import { renderHtml } from "../reporters/html.ts";'],
      ["src/render/x.ts", 'import type { Report } from "../engine/report.ts";'],
      ["src/http/x.ts", 'import { scan } from "../engine/scan.ts";'],
      ["src/interfaces/cli/x.ts", 'import { startServer } from "../../../test/support/server.ts";'],
    ];
    for (const [file, line] of arrows) assert.equal(violations(file, line).length, 1, `${file}: ${line}`);
  });

  it("allow the arrows that point down, and tests beside the code", () => {
    const fine: Array<[file: string, line: string]> = [
      ["src/checks/cors/x.ts", 'import { CorsObservations } from "../../artifacts/cors-observations.ts";'],
      ["src/checks/cors/x.ts", 'import type { Check } from "../../core/check.ts";'],
      ["src/core/x.ts", 'import type { Exchange } from "./exchange.ts";'],
      ["src/probes/cors/x.ts", 'import type { HttpClient } from "../../http/client.ts";'],
      ["src/engine/x.ts", 'import { PROBES } from "../probes/index.ts";'],
      ["src/reporters/x.ts", 'import { html } from "../render/index.ts";'],
      ["src/learn/x.ts", 'import { renderMarkdown } from "../render/index.ts";'],
      ["src/checks/cors/x.ts", 'import { escapeHtml } from "../../render/index.ts";'],
      ["src/checks/cors/x.test.ts", 'import { testCheck } from "../../../test/tester/check-tester.ts";'],
    ];
    for (const [file, line] of fine) assert.deepEqual(violations(file, line), [], `${file}: ${line}`);
  });
});
