import type { Check } from "../../core/index.ts";
import { debugEndpoint } from "./debug-endpoint.ts";
import { internalAddress } from "./internal-address.ts";
import { publicKey } from "./public-key.ts";
import { robotsSensitivePaths } from "./robots-sensitive-paths.ts";
import { securityTxtMissing } from "./security-txt-missing.ts";
import { serverVersion } from "./server-version.ts";
import { stackTrace } from "./stack-trace.ts";

export const infoChecks: readonly Check[] = [
  debugEndpoint,
  internalAddress,
  publicKey,
  robotsSensitivePaths,
  securityTxtMissing,
  serverVersion,
  stackTrace,
];
