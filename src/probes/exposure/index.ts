import type { Probe } from "../probe.ts";

export const exposureProbes: readonly Probe[] = [];
