import type { Check } from "../../core/check.ts";

export const headersChecks: readonly Check[] = [];
