import { emptyDiscovery, type Recording, type ScanIssue } from "../core/index.ts";
import { type AddressGuard, DEFAULT_LIMITS, DnsClient, HttpClient, type HttpLimits } from "../http/index.ts";
import type { ProbeContext } from "../probes/index.ts";
import { DISCOVERY_PROBE } from "../artifacts/index.ts";
import { credentialHeaders, credentialsAllowed } from "./credentials.ts";
import type { ScanPlan } from "./plan.ts";
import type { ProgressEvent } from "./progress.ts";
import type { ScanRequest } from "./request.ts";

/** How a scan runs, as opposed to what it scans: the server's guard, test stand-ins, progress, cancel. */
export interface ScanRuntime {
  /** Server mode: refuse non-public addresses. The CLI leaves this off so developers can scan localhost. */
  guard?: AddressGuard | null;
  allowNonDefaultPorts?: boolean;
  /** Stands in for the system's address lookup (SSRF and fixture tests); a request's dnsServer wins. */
  lookup?: (host: string) => Promise<string[]>;
  /** Caps below the defaults (hostile-target tests). */
  limits?: Partial<HttpLimits>;
  onProgress?: (event: ProgressEvent) => void;
  /** Cancels the scan (the deadline applies as well). */
  signal?: AbortSignal;
}

/** What happened while gathering that the report must say: counts, limits hit, cut short or not. */
export interface GatheringFacts {
  startedAt: string;
  finishedAt: string;
  durationMs: number;
  probesRun: string[];
  requestsSent: number;
  budget: number;
  budgetExhausted: boolean;
  responsesWithHeadersDropped: number;
  bodyAllowanceExhausted: boolean;
  maxTotalBodyBytes: number;
  /** The deadline passed before gathering ended. */
  cut: boolean;
  cancelled: boolean;
  timeoutMs: number;
  /** What probes said went wrong or was cut short. */
  issues: ScanIssue[];
}

/**
 * Told after each probe that ends before the deadline: the probes finished so far, and a copy of what the
 * scan has recorded up to now (built only when asked for).
 */
export type ProbeFinished = (finished: ReadonlySet<string>, recordingSoFar: () => Recording) => void;

export interface Gathered {
  recording: Recording;
  facts: GatheringFacts;
}

/** Each DNS question's time (one retry included), and the most a scan asks (the dns probe needs ~20). */
const DNS_TIMEOUT_MS = 4_000;
const MAX_DNS_QUERIES = 60;

/** After the deadline, in-flight work gets this long to notice before the scan ends regardless. */
const DEADLINE_GRACE_MS = 2_000;

/**
 * Runs the plan's probe waves through one HTTP client (the only door for bytes) and returns what they
 * recorded. Never throws for target trouble: a probe that fails is an issue in the facts.
 */
export async function gather(
  request: ScanRequest,
  plan: ScanPlan,
  runtime: ScanRuntime = {},
  onProbeFinished?: ProbeFinished,
): Promise<Gathered> {
  const { target, settings } = request;
  const startedAt = new Date();
  const started = performance.now();
  const deadline = AbortSignal.any([
    AbortSignal.timeout(settings.timeoutMs),
    ...(runtime.signal ? [runtime.signal] : []),
  ]);
  const limits: HttpLimits = {
    ...DEFAULT_LIMITS,
    ...runtime.limits,
    budget: settings.budget,
    perHostConcurrency: settings.concurrency,
  };
  const emit = runtime.onProgress ?? (() => undefined);
  const issues: ScanIssue[] = [];

  const dns = new DnsClient({
    server: request.dnsServer,
    deadline,
    timeoutMs: DNS_TIMEOUT_MS,
    maxQueries: MAX_DNS_QUERIES,
    overrides: request.pins,
    guard: runtime.guard ?? null,
  });
  // With --dns-server, connections look their names up there too, so one scan sees one DNS.
  const lookup = request.dnsServer ? dns.addresses : runtime.lookup;
  const http = new HttpClient({
    limits,
    deadline,
    overrides: request.pins,
    guard: runtime.guard ?? null,
    allowNonDefaultPorts: runtime.allowNonDefaultPorts ?? false,
    ...(lookup ? { lookup } : {}),
    credentials: credentialHeaders(request.credentials.headers, request.credentials.cookies),
    sendCredentialsTo: (url) => credentialsAllowed(target, url),
    onExchange: (exchange) =>
      emit({ type: "request", sent: http.requestsSent, budget: limits.budget, url: exchange.request.url }),
  });

  const discovery = emptyDiscovery();
  const context: ProbeContext = {
    target,
    http,
    dns,
    discovery,
    signal: deadline,
    progress: (message) => emit({ type: "message", message }),
    issue: (issue) => issues.push(issue),
    requested: (kind) => plan.requests.get(kind) ?? new Set<string>(),
  };

  const pinnedAddresses = request.pins.map((pin) => pin.address);
  // A copy, so that what is judged from it can never see a record a later probe adds.
  const recordingSoFar = (): Recording => ({
    target,
    exchanges: [...http.exchanges],
    discovery,
    tls: new Map(http.tls),
    handshakes: [...http.handshakes],
    pinnedAddresses,
    dns: [...dns.records],
  });
  const probesRun: string[] = [];
  const finished = new Set<string>();
  try {
    for (const wave of plan.waves) {
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
            finished.add(probe.name);
            // A probe that ends after the deadline may have been cut short: the end of the scan judges.
            if (!deadline.aborted) {
              try {
                onProbeFinished?.(finished, recordingSoFar);
              } catch {
                // Judging early is only sooner: what it could not do, the judging after gathering does.
              }
            }
          }),
        ),
        deadline,
      );
      // Without the page there is nothing to scan: stop and say why.
      if (wave.some((probe) => probe.name === DISCOVERY_PROBE) && discovery.pageExchangeId === undefined)
        break;
    }
  } finally {
    await http.close();
  }
  return {
    recording: {
      target,
      exchanges: http.exchanges,
      discovery,
      tls: http.tls,
      handshakes: http.handshakes,
      pinnedAddresses,
      dns: dns.records,
    },
    facts: {
      startedAt: startedAt.toISOString(),
      finishedAt: new Date().toISOString(),
      durationMs: Math.round(performance.now() - started),
      probesRun,
      requestsSent: http.requestsSent,
      budget: limits.budget,
      budgetExhausted: http.budgetExhausted,
      responsesWithHeadersDropped: http.responsesWithHeadersDropped,
      bodyAllowanceExhausted: http.bodyAllowanceExhausted,
      maxTotalBodyBytes: limits.maxTotalBodyBytes,
      // Taken when gathering ends: a deadline that passes while the checks judge cut nothing short.
      cut: deadline.aborted,
      cancelled: runtime.signal?.aborted ?? false,
      timeoutMs: settings.timeoutMs,
      issues,
    },
  };
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
