import type { Check } from "../../core/check.ts";

export const exposureChecks: readonly Check[] = [];
