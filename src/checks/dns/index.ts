import type { Check } from "../../core/index.ts";
import { caaMissing } from "./caa-missing.ts";
import { dmarcMissing } from "./dmarc-missing.ts";
import { dmarcNotEnforced } from "./dmarc-not-enforced.ts";
import { spfMissing } from "./spf-missing.ts";
import { spfPermissive } from "./spf-permissive.ts";
import { subdomainTakeover } from "./subdomain-takeover.ts";
import { zoneTransfer } from "./zone-transfer.ts";

export const dnsChecks: readonly Check[] = [
  caaMissing,
  dmarcMissing,
  dmarcNotEnforced,
  spfMissing,
  spfPermissive,
  subdomainTakeover,
  zoneTransfer,
];
