import type { Check } from "../../core/check.ts";

export const cookieChecks: readonly Check[] = [];
