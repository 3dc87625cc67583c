import { baasProbes } from "./baas/index.ts";
import { cmsProbe } from "./cms/probe.ts";
import { corsProbe } from "./cors/probe.ts";
import { discoveryProbe } from "./discovery/probe.ts";
import { dnsProbe } from "./dns/probe.ts";
import { documentsProbes } from "./documents/index.ts";
import { exposureProbes } from "./exposure/index.ts";
import { infoProbes } from "./info/index.ts";
import type { Probe } from "./probe.ts";
import { tlsProbes } from "./tls/index.ts";

/** Every probe the engine can run; the plan picks the ones the selected checks need. */
export const PROBES: readonly Probe[] = [
  discoveryProbe,
  corsProbe,
  ...documentsProbes,
  ...tlsProbes,
  ...infoProbes,
  ...exposureProbes,
  ...baasProbes,
  dnsProbe,
  cmsProbe,
];

export type { Probe, ProbeContext } from "./probe.ts";
