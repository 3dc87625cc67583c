import type { Probe } from "../probe.ts";
import { firebaseProbe } from "./firebase.ts";
import { supabaseProbe } from "./supabase.ts";

export const baasProbes: readonly Probe[] = [firebaseProbe, supabaseProbe];
