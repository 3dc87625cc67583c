import type { Probe } from "../probe.ts";
import { documentsProbe } from "./probe.ts";

export const documentsProbes: readonly Probe[] = [documentsProbe];
