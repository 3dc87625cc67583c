import type { Probe } from "../probe.ts";
import { ciphersProbe } from "./ciphers.ts";
import { transportProbe } from "./transport.ts";
import { versionsProbe } from "./versions.ts";

export const tlsProbes: readonly Probe[] = [transportProbe, versionsProbe, ciphersProbe];
