import assert from "node:assert/strict";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";

const CHECKS = new URL("../../src/checks/", import.meta.url).pathname;

/** What only an artifact may read: a probe's labels, its name, the raw recording. */
const RAW = /\.(labels|probe|exchanges|discovery|handshakes)\b|\bartifacts\.tls\b/;

describe("checks read typed artifacts", () => {
  it("no check filters exchanges by probe name or label, or reads the raw recording", () => {
    const offenders: string[] = [];
    for (const entry of readdirSync(CHECKS, { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".ts") || entry.name.endsWith(".test.ts")) continue;
      const file = join(entry.parentPath, entry.name);
      readFileSync(file, "utf8")
        .split("\n")
        .forEach((line, index) => {
          if (RAW.test(line)) offenders.push(`${file.slice(CHECKS.length)}:${index + 1}: ${line.trim()}`);
        });
    }
    assert.deepEqual(offenders, []);
  });

  it("would notice one", () => {
    assert.ok(RAW.test('exchange.labels.kind === "table"'));
    assert.ok(RAW.test('exchanges.filter((e) => e.probe === "supabase")'));
    assert.ok(!RAW.test("artifacts.read(SupabaseResponses)"));
  });
});
