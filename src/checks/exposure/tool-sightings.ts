import {
  type AdminTool,
  ExposureResponses,
  OPEN_ACCESS_PATHS,
  SoftNotFoundBaselines,
  type ToolPage,
  toolPage,
} from "../../artifacts/index.ts";
import { bodyText, type CheckInput, type Exchange, mimeType, type Need } from "../../core/index.ts";
import { isSuccess, originOf } from "./exposed-files.ts";

/** What both tool checks read: the page, the tool paths and consoles asked for, and the soft-404 baselines. */
export const TOOL_NEEDS: readonly Need[] = [
  { kind: ExposureResponses, request: "admin" },
  { kind: ExposureResponses, request: "console" },
  SoftNotFoundBaselines,
];

export interface ToolSighting {
  exchange: Exchange;
  page: ToolPage;
  /** When the tool's own API answered without login: that answer (the evidence that it is open). */
  openApi?: Exchange;
}

/**
 * Every admin or developer tool the scan saw: the main page itself (a Grafana or Jupyter host), the tool
 * paths asked for (phpMyAdmin, the Werkzeug console; each must differ from the host's soft-404 answers),
 * and the soft-404 answers themselves (Rails shows its web console on a development 404 page). A tool
 * whose page does not say whether it needs login is open when its API answered without one.
 */
export function toolSightings(artifacts: CheckInput): ToolSighting[] {
  const responses = artifacts.read(ExposureResponses);
  const calibration = artifacts.read(SoftNotFoundBaselines);
  const seen: Array<{ exchange: Exchange; page: ToolPage }> = [];
  const add = (exchange: Exchange) => {
    const page = toolPage(exchange);
    if (
      page &&
      !seen.some((entry) => entry.page.tool === page.tool && originOf(entry.exchange) === originOf(exchange))
    )
      seen.push({ exchange, page });
  };
  if (responses.page) add(responses.page);
  for (const candidate of responses.candidates) {
    if (candidate.kind !== "admin" && candidate.kind !== "console") continue;
    if (calibration.confirmed(candidate.exchange, (exchange) => toolPage(exchange) !== undefined))
      add(candidate.exchange);
  }
  const reference = responses.page ?? responses.candidates[0]?.exchange;
  for (const baseline of reference ? calibration.baselinesFor(reference) : []) {
    if (toolPage(baseline)?.tool === "Rails web console") add(baseline);
  }
  return seen.map((entry) => {
    const path = OPEN_ACCESS_PATHS[entry.page.tool];
    if (entry.page.state === "open" || !path) return entry;
    const answer = responses.candidates.find(
      (candidate) =>
        candidate.kind === "console" &&
        candidate.path.endsWith(path) &&
        originOf(candidate.exchange) === originOf(entry.exchange) &&
        answersWithoutLogin(entry.page.tool, candidate.exchange),
    );
    return answer ? { ...entry, openApi: answer.exchange } : entry;
  });
}

/** The tool's API answered its read-only question with data, not a 401/403 or a login page. */
function answersWithoutLogin(tool: AdminTool, exchange: Exchange): boolean {
  if (!isSuccess(exchange) || !mimeType(exchange.response!.headers).includes("json")) return false;
  let document: unknown;
  try {
    document = JSON.parse(bodyText(exchange.response));
  } catch {
    return false;
  }
  switch (tool) {
    case "Jupyter":
      // A list of running kernels: empty, or objects with an id and an execution state.
      return (
        Array.isArray(document) &&
        document.every((kernel) => isObject(kernel) && typeof kernel.id === "string")
      );
    case "Grafana":
      // A dashboard search: empty, or hits with a uid and a type.
      return Array.isArray(document) && document.every((hit) => isObject(hit) && typeof hit.uid === "string");
    case "Kibana":
      return isObject(document) && isObject(document.version) && typeof document.version.number === "string";
    default:
      return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The tool works without login: its page is the working tool, or its API answered. */
export function isOpen(sighting: ToolSighting): boolean {
  return sighting.page.state === "open" || sighting.openApi !== undefined;
}
