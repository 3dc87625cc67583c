import type { Check } from "../../core/check.ts";

export const secretChecks: readonly Check[] = [];
