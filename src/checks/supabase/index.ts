import type { Check } from "../../core/check.ts";

export const supabaseChecks: readonly Check[] = [];
