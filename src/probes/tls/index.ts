import type { Probe } from "../probe.ts";

export const tlsProbes: readonly Probe[] = [];
