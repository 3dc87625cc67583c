import type { Check } from "../../core/check.ts";

export const infoChecks: readonly Check[] = [];
