import type { Check } from "../../core/index.ts";
import { cmsInstallOpen } from "./install-open.ts";
import { cmsUserEnumeration } from "./user-enumeration.ts";
import { cmsVersionDisclosed } from "./version-disclosed.ts";
import { cmsXmlrpcEnabled } from "./xmlrpc-enabled.ts";

export const cmsChecks: readonly Check[] = [
  cmsInstallOpen,
  cmsUserEnumeration,
  cmsVersionDisclosed,
  cmsXmlrpcEnabled,
];
