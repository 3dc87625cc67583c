import {
  CIPHERS_PROBE,
  TlsCipherHandshakes,
  TRANSPORT_PROBE,
  WEAK_CIPHER_OFFERS,
  WEAK_CIPHER_ROLE,
  type WeakCipherOffer,
} from "../../artifacts/index.ts";
import type { Probe } from "../probe.ts";
import { answeredHttpsOrigin } from "./answered-https-origin.ts";

/**
 * Asks the site's https origin whether it completes a TLS 1.2 handshake when offered only weak suites:
 * once with RSA key exchange only, once with CBC suites only. Bare handshakes through the same gate,
 * resolution and guard as the version probe: 2 units of budget, and only when the origin answered over
 * https at all.
 */
export const ciphersProbe: Probe = {
  name: CIPHERS_PROBE,
  title: "Checking TLS cipher suites",
  after: [TRANSPORT_PROBE],
  produces: [TlsCipherHandshakes],
  async run(context) {
    const origin = answeredHttpsOrigin(context);
    if (!origin) return;
    await Promise.all(
      (Object.keys(WEAK_CIPHER_OFFERS) as WeakCipherOffer[]).map((offer) =>
        context.http.handshake({
          origin,
          version: "TLSv1.2",
          ciphers: WEAK_CIPHER_OFFERS[offer],
          probe: CIPHERS_PROBE,
          labels: { role: WEAK_CIPHER_ROLE, offer },
        }),
      ),
    );
  },
};
