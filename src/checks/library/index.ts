import type { Check } from "../../core/index.ts";
import { endOfLife } from "./end-of-life.ts";
import { knownVulnerable } from "./known-vulnerable.ts";

export const libraryChecks: readonly Check[] = [endOfLife, knownVulnerable];
