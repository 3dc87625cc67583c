import {
  FILES_PROBE,
  WELL_KNOWN_FILES,
  WELL_KNOWN_PATHS,
  WELL_KNOWN_ROLE,
  WellKnownFiles,
} from "../../artifacts/index.ts";
import type { Probe } from "../probe.ts";

/**
 * Both files are small text: Google reads 500 KiB of robots.txt, a security.txt is a few lines. What is
 * past this cap is not worth a hostile server's bytes; a cut file is judged on what arrived.
 */
const MAX_BODY_BYTES = 64 * 1024;

/**
 * Fetches /robots.txt and /.well-known/security.txt from the site's origin, only those the selected
 * checks asked for (one GET each, redirects followed as both RFCs allow). Judges nothing: a single-page
 * app's index.html at these paths is recorded as it came and recognised by the checks.
 */
export const filesProbe: Probe = {
  name: FILES_PROBE,
  title: "Reading robots.txt and security.txt",
  after: ["discovery"],
  produces: [WellKnownFiles],
  async run(context) {
    const origin = new URL(context.discovery.finalUrl ?? context.target.url).origin;
    const requested = context.requested(WellKnownFiles);
    await Promise.all(
      WELL_KNOWN_FILES.filter((file) => requested.has(file)).map((file) =>
        context.http.send({
          method: "GET",
          url: `${origin}${WELL_KNOWN_PATHS[file]}`,
          probe: FILES_PROBE,
          labels: { role: WELL_KNOWN_ROLE, file },
          headers: { accept: "text/plain,*/*;q=0.5" },
          follow: true,
          maxBodyBytes: MAX_BODY_BYTES,
        }),
      ),
    );
  },
};
