import type { Check } from "../../core/index.ts";
import { certificateExpiring } from "./certificate-expiring.ts";
import { certificateInvalid } from "./certificate-invalid.ts";
import { certificateWeak } from "./certificate-weak.ts";
import { httpNotRedirected } from "./http-not-redirected.ts";
import { legacyProtocol } from "./legacy-protocol.ts";
import { mixedContent } from "./mixed-content.ts";
import { mixedContentPassive } from "./mixed-content-passive.ts";
import { noHttps } from "./no-https.ts";
import { weakCipher } from "./weak-cipher.ts";

export const tlsChecks: readonly Check[] = [
  certificateExpiring,
  certificateInvalid,
  certificateWeak,
  httpNotRedirected,
  legacyProtocol,
  mixedContent,
  mixedContentPassive,
  noHttps,
  weakCipher,
];
