import type { Probe } from "../probe.ts";

export const infoProbes: readonly Probe[] = [];
