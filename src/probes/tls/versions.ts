import {
  LEGACY_ROLE,
  LEGACY_VERSIONS,
  TlsHandshakes,
  VERSIONS_PROBE,
  TRANSPORT_PROBE,
} from "../../artifacts/index.ts";
import type { Probe } from "../probe.ts";
import { answeredHttpsOrigin } from "./answered-https-origin.ts";

/**
 * Asks the site's https origin, once per retired version, whether it still completes a handshake
 * offering only that version. Bare TLS handshakes, no HTTP: 2 units of budget, and only when the origin
 * answered over https at all (the transport probe or discovery reached it).
 */
export const versionsProbe: Probe = {
  name: VERSIONS_PROBE,
  title: "Checking TLS versions",
  after: [TRANSPORT_PROBE],
  produces: [TlsHandshakes],
  async run(context) {
    const origin = answeredHttpsOrigin(context);
    if (!origin) return;
    await Promise.all(
      LEGACY_VERSIONS.map((version) =>
        context.http.handshake({ origin, version, probe: VERSIONS_PROBE, labels: { role: LEGACY_ROLE } }),
      ),
    );
  },
};
