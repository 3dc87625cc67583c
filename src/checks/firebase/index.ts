import type { Check } from "../../core/check.ts";

export const firebaseChecks: readonly Check[] = [];
