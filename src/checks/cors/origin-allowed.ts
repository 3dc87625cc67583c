import type { Artifacts } from "../../core/artifacts.ts";
import { evidenceFrom } from "../../core/evidence.ts";
import type { FindingDraft } from "../../core/finding.ts";
import {
  corsObservations,
  reflectsArbitrary,
  type CorsObservation,
} from "../../derived/cors-observations.ts";
import { readPoc } from "./poc.ts";
import { CVSS_READ_WITHOUT_CREDENTIALS } from "./shared.ts";

export interface AllowedVariantRule {
  variant: string;
  /** Without credentials the finding is still made, at the low no-credentials severity, unless this is true. */
  requireCredentials: boolean;
  /** One sentence about what was allowed. */
  describe(observation: CorsObservation): string;
  /** Extra condition on the endpoint (e.g. "the suffix variant was not already allowed"). */
  unless?(observations: readonly CorsObservation[], endpoint: string): boolean;
  /** A readable PoC page; omit for variants that need a special vantage point. */
  poc?(observation: CorsObservation): string;
}

/**
 * The common shape of the origin-bypass checks: the probe tried an origin of one variant, and the
 * endpoint echoed it back in Access-Control-Allow-Origin. Endpoints that echo any origin at all are left
 * to cors.origin-reflected. One draft per endpoint; the engine groups them by host.
 */
export function allowedVariantDrafts(artifacts: Artifacts, rule: AllowedVariantRule): FindingDraft[] {
  const observations = corsObservations(artifacts);
  const drafts: FindingDraft[] = [];
  const seen = new Set<string>();
  for (const observation of observations) {
    if (observation.kind !== "simple" || observation.variant !== rule.variant || !observation.echoed)
      continue;
    if (rule.requireCredentials && !observation.credentials) continue;
    const endpoint = observation.endpoint;
    if (seen.has(endpoint)) continue;
    if (reflectsArbitrary(observations, endpoint, true) || reflectsArbitrary(observations, endpoint, false))
      continue;
    if (rule.unless?.(observations, endpoint)) continue;
    seen.add(endpoint);
    const draft: FindingDraft = {
      url: endpoint,
      groupKey: new URL(endpoint).origin,
      summary: rule.describe(observation),
      evidence: [
        evidenceFrom(
          observation.exchange,
          `Origin ${observation.origin} was echoed back${observation.credentials ? " with Access-Control-Allow-Credentials: true" : ""}.`,
          {
            headers: [
              "access-control-allow-origin",
              "access-control-allow-credentials",
              "vary",
              "content-type",
            ],
          },
        ),
      ],
      details: {
        originTried: observation.origin,
        allowOrigin: observation.allowOrigin ?? "",
        credentials: String(observation.credentials),
      },
    };
    if (!observation.credentials) draft.cvss = CVSS_READ_WITHOUT_CREDENTIALS;
    if (rule.poc && observation.credentials) draft.poc = rule.poc(observation);
    drafts.push(draft);
  }
  return drafts;
}

export function hostedPoc(observation: CorsObservation): string {
  return readPoc(
    observation.endpoint,
    `Serve this page from ${observation.origin} (any origin of that shape works).`,
  );
}
