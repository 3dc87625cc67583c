import type { Need } from "../../src/core/artifact.ts";
import type { Check } from "../../src/core/check.ts";

/** A check with placeholder metadata, for tests of planning and judging: its id, what it needs, what it finds. */
export function stubCheck(id: string, needs: Need[], analyse: Check["analyse"] = () => []): Check {
  return {
    meta: {
      id,
      title: id,
      cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N",
      cwe: "CWE-200",
      references: [],
      explanation: "",
      fixes: {},
      learn: "x",
      needs,
    },
    analyse,
  };
}
