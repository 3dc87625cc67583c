import type { Check } from "../../core/index.ts";
import { anySubdomainTrusted } from "./any-subdomain-trusted.ts";
import { insecureOriginTrusted } from "./insecure-origin-trusted.ts";
import { localhostOriginTrusted } from "./localhost-origin-trusted.ts";
import { missingVaryOrigin } from "./missing-vary-origin.ts";
import { nullOriginTrusted } from "./null-origin-trusted.ts";
import { originReflected } from "./origin-reflected.ts";
import { originReflectedNoCredentials } from "./origin-reflected-no-credentials.ts";
import { preflightFailure } from "./preflight-failure.ts";
import { preflightOriginReflected } from "./preflight-origin-reflected.ts";
import { prefixMatchBypass } from "./prefix-match-bypass.ts";
import { suffixMatchBypass } from "./suffix-match-bypass.ts";
import { thirdPartyOriginTrusted } from "./third-party-origin-trusted.ts";
import { unescapedDotBypass } from "./unescaped-dot-bypass.ts";
import { wildcardOrigin } from "./wildcard-origin.ts";
import { wildcardWithCredentials } from "./wildcard-with-credentials.ts";

export const corsChecks: readonly Check[] = [
  anySubdomainTrusted,
  insecureOriginTrusted,
  localhostOriginTrusted,
  missingVaryOrigin,
  nullOriginTrusted,
  originReflected,
  originReflectedNoCredentials,
  preflightFailure,
  preflightOriginReflected,
  prefixMatchBypass,
  suffixMatchBypass,
  thirdPartyOriginTrusted,
  unescapedDotBypass,
  wildcardOrigin,
  wildcardWithCredentials,
];
