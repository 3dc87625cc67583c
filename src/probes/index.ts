import { corsProbe } from "./cors/probe.ts";
import { discoveryProbe } from "./discovery/probe.ts";
import type { Probe } from "./probe.ts";

/** Every probe the engine can run; the plan picks the ones the selected checks need. */
export const PROBES: readonly Probe[] = [discoveryProbe, corsProbe];

export type { Probe, ProbeContext } from "./probe.ts";
