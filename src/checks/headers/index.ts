import type { Check } from "../../core/index.ts";
import { cacheableSession } from "./cacheable-session.ts";
import { clickjacking } from "./clickjacking.ts";
import { coopMissing } from "./coop-missing.ts";
import { cspMissing } from "./csp-missing.ts";
import { cspMissingBaseUri } from "./csp-missing-base-uri.ts";
import { cspMissingObjectSrc } from "./csp-missing-object-src.ts";
import { cspUnsafeEval } from "./csp-unsafe-eval.ts";
import { cspUnsafeInline } from "./csp-unsafe-inline.ts";
import { cspWildcardSource } from "./csp-wildcard-source.ts";
import { hstsMissing } from "./hsts-missing.ts";
import { hstsShortMaxAge } from "./hsts-short-max-age.ts";
import { permissionsPolicyMissing } from "./permissions-policy-missing.ts";
import { sriMissing } from "./sri-missing.ts";
import { referrerPolicyUnsafe } from "./referrer-policy-unsafe.ts";
import { xContentTypeOptionsMissing } from "./x-content-type-options-missing.ts";

export const headersChecks: readonly Check[] = [
  cacheableSession,
  clickjacking,
  coopMissing,
  cspMissing,
  cspMissingBaseUri,
  cspMissingObjectSrc,
  cspUnsafeEval,
  cspUnsafeInline,
  cspWildcardSource,
  hstsMissing,
  hstsShortMaxAge,
  permissionsPolicyMissing,
  referrerPolicyUnsafe,
  sriMissing,
  xContentTypeOptionsMissing,
];
