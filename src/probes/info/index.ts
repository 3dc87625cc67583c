import type { Probe } from "../probe.ts";
import { debugProbe } from "./debug.ts";
import { errorsProbe } from "./errors.ts";

export const infoProbes: readonly Probe[] = [debugProbe, errorsProbe];
