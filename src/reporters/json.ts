import type { Report } from "../engine/index.ts";

/** The report as JSON: the documented, versioned schema in schemas/report.schema.json. */
export function renderJson(report: Report): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
