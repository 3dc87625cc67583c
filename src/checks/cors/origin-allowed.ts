import { type CheckInput, evidenceFrom, type FindingDraft } from "../../core/index.ts";
import {
  CorsObservations,
  onePerEndpoint,
  reflectsArbitrary,
  type CorsObservation,
} from "../../artifacts/index.ts";
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
export function allowedVariantDrafts(artifacts: CheckInput, rule: AllowedVariantRule): FindingDraft[] {
  const observations = artifacts.read(CorsObservations);
  const allowed = observations.filter(
    (o) =>
      o.kind === "simple" &&
      o.variant === rule.variant &&
      o.echoed &&
      (o.credentials || !rule.requireCredentials) &&
      !reflectsArbitrary(observations, o.endpoint, true) &&
      !reflectsArbitrary(observations, o.endpoint, false) &&
      !rule.unless?.(observations, o.endpoint),
  );
  // With credentials first, so an endpoint tried with two origins of the variant reports the worse one.
  allowed.sort((a, b) => Number(b.credentials) - Number(a.credentials));
  const drafts: FindingDraft[] = [];
  for (const observation of onePerEndpoint(allowed)) {
    const endpoint = observation.endpoint;
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

/** The endpoint echoed an origin of this variant (with or without credentials). */
export function variantAllowed(
  observations: readonly CorsObservation[],
  endpoint: string,
  variant: string,
): boolean {
  return observations.some(
    (o) => o.endpoint === endpoint && o.kind === "simple" && o.variant === variant && o.echoed,
  );
}
