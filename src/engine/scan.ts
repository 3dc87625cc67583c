import type { Recording } from "../core/recording.ts";
import { emptyDiscovery } from "../core/recording.ts";
import type { Check } from "../core/check.ts";
import { SEVERITIES, type Severity } from "../core/severity.ts";
import { parseTarget, type Target } from "../core/target.ts";
import { CHECKS } from "../checks/index.ts";
import { DetectedStack } from "../artifacts/stack.ts";
import type { AddressGuard } from "../http/address-policy.ts";
import { DEFAULT_LIMITS, HttpClient, MAX_HEADER_LINES, type HttpLimits } from "../http/client.ts";
import { parseOverride, type ConnectOverride } from "../http/resolve-override.ts";
import { PROBES } from "../probes/index.ts";
import type { Probe, ProbeContext } from "../probes/probe.ts";
import { VERSION } from "../version.ts";
import { credentialHeaders, credentialsAllowed } from "./credentials.ts";
import { pinCurls } from "./curl-pins.ts";
import { unreachableSentence } from "./failure.ts";
import { judge } from "./findings.ts";
import { gradeFor } from "./grade.ts";
import { artifactRequests, planProbes, selectChecks } from "./plan.ts";
import type { ProgressEvent } from "./progress.ts";
import type { ScanIssue } from "../core/scan-issue.ts";
import { REPORT_SCHEMA_VERSION, type Report } from "./report.ts";

export interface ScanOptions {
  /** Most requests the scan may send (default 150). */
  budget?: number;
  /** Whole-scan deadline in milliseconds (default 60 s). */
  timeoutMs?: number;
  /** Requests in flight per host (default 6). */
  concurrency?: number;
  limits?: Partial<HttpLimits>;
  /** curl-style HOST:PORT:ADDRESS[:PORT2] pins, or parsed overrides. */
  resolve?: ReadonlyArray<string | ConnectOverride>;
  /** Extra request headers for authenticated scans, sent to the target's site only, never recorded in full. */
  headers?: ReadonlyArray<readonly [string, string]>;
  /** Cookies ("name=value") for authenticated scans, same rules as headers. */
  cookies?: readonly string[];
  only?: readonly string[];
  ignore?: readonly string[];
  /** Server mode: refuse non-public addresses. The CLI leaves this off so developers can scan localhost. */
  guard?: AddressGuard | null;
  allowNonDefaultPorts?: boolean;
  lookup?: (host: string) => Promise<string[]>;
  onProgress?: (event: ProgressEvent) => void;
  /** Cancels the scan (the deadline applies as well). */
  signal?: AbortSignal;
  /** For tests: the checks and probes to use instead of the registries. */
  checks?: readonly Check[];
  probes?: readonly Probe[];
}

export const DEFAULT_TIMEOUT_MS = 60_000;
/** After the deadline, in-flight work gets this long to notice before the scan ends regardless. */
const DEADLINE_GRACE_MS = 2_000;

/** Scans one target: gather (probes), then judge (checks), then a Report. Never throws for target trouble. */
export async function scan(input: string | Target, options: ScanOptions = {}): Promise<Report> {
  const target = typeof input === "string" ? parseTarget(input) : input;
  const startedAt = new Date();
  const started = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const deadline = AbortSignal.any([
    AbortSignal.timeout(timeoutMs),
    ...(options.signal ? [options.signal] : []),
  ]);
  const limits: HttpLimits = {
    ...DEFAULT_LIMITS,
    ...options.limits,
    ...(options.budget !== undefined ? { budget: options.budget } : {}),
    ...(options.concurrency !== undefined ? { perHostConcurrency: options.concurrency } : {}),
  };
  const emit = options.onProgress ?? (() => undefined);
  const issues: ScanIssue[] = [];

  const checks = selectChecks(options.checks ?? CHECKS, options.only, options.ignore);
  const waves = planProbes(checks, options.probes ?? PROBES);
  const requests = artifactRequests(checks);

  const credentials = credentialHeaders(options.headers, options.cookies);
  const overrides = (options.resolve ?? []).map((entry) =>
    typeof entry === "string" ? parseOverride(entry) : entry,
  );
  const http = new HttpClient({
    limits,
    deadline,
    overrides,
    guard: options.guard ?? null,
    allowNonDefaultPorts: options.allowNonDefaultPorts ?? false,
    ...(options.lookup ? { lookup: options.lookup } : {}),
    credentials,
    sendCredentialsTo: (url) => credentialsAllowed(target, url),
    onExchange: (exchange) =>
      emit({ type: "request", sent: http.requestsSent, budget: limits.budget, url: exchange.request.url }),
  });

  const discovery = emptyDiscovery();
  const context: ProbeContext = {
    target,
    http,
    discovery,
    signal: deadline,
    progress: (message) => emit({ type: "message", message }),
    issue: (issue) => issues.push(issue),
    requested: (kind) => requests.get(kind) ?? new Set<string>(),
  };

  const probesRun: string[] = [];
  try {
    for (const wave of waves) {
      if (deadline.aborted) break;
      await withDeadline(
        Promise.all(
          wave.map(async (probe) => {
            probesRun.push(probe.name);
            emit({ type: "probe-start", probe: probe.name, title: probe.title });
            try {
              await probe.run(context);
            } catch (error) {
              issues.push({
                kind: "probe-error",
                message: `${probe.name}: ${error instanceof Error ? error.message : String(error)}`,
              });
            }
            emit({ type: "probe-end", probe: probe.name });
          }),
        ),
        deadline,
      );
      // Without the page there is nothing to scan: stop and say why.
      if (wave.some((probe) => probe.name === "discovery") && discovery.pageExchangeId === undefined) break;
    }
  } finally {
    await http.close();
  }
  // Taken when gathering ends: a deadline that passes while the checks judge cut nothing short.
  const gatheringCut = deadline.aborted;
  const cancelled = options.signal?.aborted ?? false;

  const artifacts: Recording = {
    target,
    exchanges: http.exchanges,
    discovery,
    tls: http.tls,
    handshakes: http.handshakes,
  };
  const pageAttempt = http.exchanges.find(
    (exchange) => exchange.probe === "discovery" && exchange.labels.role === "page" && !exchange.response,
  );
  const unreachable = probesRun.includes("discovery") && discovery.pageExchangeId === undefined;

  emit({ type: "judging", checks: checks.length });
  const stacks = unreachable ? [] : DetectedStack.of(artifacts);
  const judged = unreachable ? { findings: [], errors: [] } : judge(checks, artifacts, stacks);
  for (const error of judged.errors)
    issues.push({ kind: "check-error", message: `${error.id}: ${error.message}` });
  pinCurls(judged.findings, overrides);
  for (const finding of judged.findings) emit({ type: "finding", finding });

  if (http.budgetExhausted)
    issues.push({
      kind: "budget",
      message: `the request budget of ${limits.budget} was used up; some probes were skipped`,
    });
  if (http.responsesWithHeadersDropped > 0)
    issues.push({
      kind: "limit",
      message: `${http.responsesWithHeadersDropped} response${http.responsesWithHeadersDropped === 1 ? "" : "s"} carried more than ${MAX_HEADER_LINES} headers; only the first ${MAX_HEADER_LINES} were kept`,
    });
  if (http.bodyAllowanceExhausted)
    issues.push({
      kind: "limit",
      message: `responses filled the ${Math.round(limits.maxTotalBodyBytes / 1048576)} MiB the scan keeps; later bodies were cut short`,
    });
  if (gatheringCut && !cancelled)
    issues.push({
      kind: "deadline",
      message: `the scan deadline of ${Math.round(timeoutMs / 1000)} s passed; results are partial`,
    });
  if (cancelled) issues.push({ kind: "deadline", message: "the scan was cancelled; results are partial" });
  const failed = http.exchanges.filter(
    (exchange) => exchange.error && exchange.error.code !== "budget" && exchange.error.code !== "deadline",
  );
  if (failed.length > 0 && !unreachable) {
    issues.push({
      kind: "request-failed",
      message: `${failed.length} request${failed.length === 1 ? "" : "s"} failed (${summariseErrors(failed.map((e) => e.error!.code))})`,
    });
  }

  const bySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  for (const finding of judged.findings) bySeverity[finding.severity]++;
  const highest = [...SEVERITIES].reverse().find((s) => bySeverity[s] > 0) ?? null;
  const finishedAt = new Date();
  const report: Report = {
    schemaVersion: REPORT_SCHEMA_VERSION,
    scanner: { name: "amihackable", version: VERSION },
    target: {
      input: target.input,
      url: target.url,
      ...(discovery.finalUrl ? { finalUrl: discovery.finalUrl } : {}),
    },
    startedAt: startedAt.toISOString(),
    finishedAt: finishedAt.toISOString(),
    durationMs: Math.round(performance.now() - started),
    outcome: unreachable
      ? "unreachable"
      : issues.some((i) => i.kind === "budget" || i.kind === "deadline" || i.kind === "probe-error")
        ? "partial"
        : "complete",
    summary: {
      total: judged.findings.length,
      bySeverity,
      highest,
      grade: unreachable ? "?" : gradeFor(judged.findings).grade,
    },
    detectedStack: stacks,
    findings: judged.findings,
    probed: {
      probes: probesRun,
      checks: checks.map((check) => check.meta.id),
      urls: [
        ...new Set(http.exchanges.filter((e) => e.error?.code !== "budget").map((e) => e.request.url)),
      ].slice(0, 500),
    },
    requests: { sent: http.requestsSent, budget: limits.budget, failed: failed.length },
    issues,
  };
  if (unreachable) {
    const attempt = pageAttempt ?? http.exchanges.at(-1);
    report.failure = attempt ? unreachableSentence(attempt) : "The target could not be fetched.";
    issues.unshift({ kind: "unreachable", message: report.failure, url: target.url });
  }
  return report;
}

function summariseErrors(codes: string[]): string {
  const counts = new Map<string, number>();
  for (const code of codes) counts.set(code, (counts.get(code) ?? 0) + 1);
  return [...counts].map(([code, count]) => `${count} ${code}`).join(", ");
}

/** Waits for the work, or for the deadline plus a short grace, whichever comes first. */
async function withDeadline(work: Promise<unknown>, deadline: AbortSignal): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<void>((resolve) => {
    const arm = () => {
      timer = setTimeout(resolve, DEADLINE_GRACE_MS);
      timer.unref();
    };
    if (deadline.aborted) arm();
    else deadline.addEventListener("abort", arm, { once: true });
  });
  try {
    await Promise.race([work, expired]);
  } finally {
    if (timer) clearTimeout(timer);
  }
}
