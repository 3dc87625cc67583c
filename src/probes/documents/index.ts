import type { Probe } from "../probe.ts";

export const documentsProbes: readonly Probe[] = [];
