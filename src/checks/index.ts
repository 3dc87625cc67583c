import type { Check } from "../core/index.ts";
import { cmsChecks } from "./cms/index.ts";
import { cookieChecks } from "./cookie/index.ts";
import { corsChecks } from "./cors/index.ts";
import { dnsChecks } from "./dns/index.ts";
import { exposureChecks } from "./exposure/index.ts";
import { firebaseChecks } from "./firebase/index.ts";
import { headersChecks } from "./headers/index.ts";
import { infoChecks } from "./info/index.ts";
import { libraryChecks } from "./library/index.ts";
import { secretChecks } from "./secret/index.ts";
import { supabaseChecks } from "./supabase/index.ts";
import { tlsChecks } from "./tls/index.ts";

/** The registry: every check, sorted by id. Each family folder's index.ts lists its own checks. */
export const CHECKS: readonly Check[] = [
  ...cmsChecks,
  ...cookieChecks,
  ...corsChecks,
  ...dnsChecks,
  ...exposureChecks,
  ...firebaseChecks,
  ...headersChecks,
  ...infoChecks,
  ...libraryChecks,
  ...secretChecks,
  ...supabaseChecks,
  ...tlsChecks,
].sort((a, b) => a.meta.id.localeCompare(b.meta.id));

export function checkById(id: string): Check | undefined {
  return CHECKS.find((check) => check.meta.id === id);
}
