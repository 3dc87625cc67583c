import type { Check } from "../../core/index.ts";
import { broadDomain } from "./broad-domain.ts";
import { invalidPrefix } from "./invalid-prefix.ts";
import { missingHttponly } from "./missing-httponly.ts";
import { missingSamesite } from "./missing-samesite.ts";
import { missingSecure } from "./missing-secure.ts";
import { samesiteNoneInsecure } from "./samesite-none-insecure.ts";

export const cookieChecks: readonly Check[] = [
  broadDomain,
  invalidPrefix,
  missingHttponly,
  missingSamesite,
  missingSecure,
  samesiteNoneInsecure,
];
