import type { Check } from "../../core/check.ts";

export const tlsChecks: readonly Check[] = [];
