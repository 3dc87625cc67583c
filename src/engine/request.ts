import { parseTarget, type Target } from "../core/index.ts";
import { parseDnsServer, parseOverride, type ConnectOverride, type DnsServerAddress } from "../http/index.ts";

/** What the user chose, in one unit system: counts and milliseconds. */
export interface ScanSettings {
  /** Most requests the scan may send. */
  budget: number;
  /** Whole-scan deadline. */
  timeoutMs: number;
  /** Requests in flight per host. */
  concurrency: number;
  /** Finding ids or families to run ("cors", "cors.origin-reflected"); empty: all. */
  only: readonly string[];
  ignore: readonly string[];
}

export const DEFAULT_SETTINGS: ScanSettings = {
  budget: 150,
  timeoutMs: 60_000,
  concurrency: 6,
  only: [],
  ignore: [],
};

/**
 * One scan, parsed once by whichever interface received it (CLI, API, queue, test): the target, the
 * address pins, the settings, and the credentials of an authenticated scan (sent to the target's site
 * only, redacted in every record, never saved).
 */
export interface ScanRequest {
  target: Target;
  pins: readonly ConnectOverride[];
  /**
   * Where every DNS question of the scan goes (`--dns-server`, like `dig @server`): record lookups, zone
   * transfers, and the address lookups of connections. Null: the system resolver. Only the CLI user or
   * the server's operator sets it, never a stranger through the API.
   */
  dnsServer: DnsServerAddress | null;
  settings: ScanSettings;
  credentials: {
    headers: ReadonlyArray<readonly [string, string]>;
    cookies: readonly string[];
  };
}

/** The loose shape interfaces and tests fill in; `scanRequest` turns it into a ScanRequest. */
export interface ScanRequestInput extends Partial<ScanSettings> {
  /** curl-style HOST:PORT:ADDRESS[:PORT2] pins, or parsed ones. */
  resolve?: ReadonlyArray<string | ConnectOverride>;
  /** "ADDRESS[:PORT]" or a parsed one. */
  dnsServer?: string | DnsServerAddress | null;
  headers?: ReadonlyArray<readonly [string, string]>;
  cookies?: readonly string[];
}

/** Parses a target and its options; throws TargetError, OverrideSyntaxError or DnsServerSyntaxError for input a user got wrong. */
export function scanRequest(target: string | Target, input: ScanRequestInput = {}): ScanRequest {
  return {
    target: typeof target === "string" ? parseTarget(target) : target,
    pins: (input.resolve ?? []).map((entry) => (typeof entry === "string" ? parseOverride(entry) : entry)),
    dnsServer:
      typeof input.dnsServer === "string" ? parseDnsServer(input.dnsServer) : (input.dnsServer ?? null),
    settings: {
      budget: input.budget ?? DEFAULT_SETTINGS.budget,
      timeoutMs: input.timeoutMs ?? DEFAULT_SETTINGS.timeoutMs,
      concurrency: input.concurrency ?? DEFAULT_SETTINGS.concurrency,
      only: input.only ?? [],
      ignore: input.ignore ?? [],
    },
    credentials: { headers: input.headers ?? [], cookies: input.cookies ?? [] },
  };
}
