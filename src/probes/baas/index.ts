import type { Probe } from "../probe.ts";

export const baasProbes: readonly Probe[] = [];
