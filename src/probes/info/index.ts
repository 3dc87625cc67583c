import type { Probe } from "../probe.ts";
import { debugProbe } from "./debug.ts";
import { errorsProbe } from "./errors.ts";
import { filesProbe } from "./files.ts";

export const infoProbes: readonly Probe[] = [debugProbe, errorsProbe, filesProbe];
