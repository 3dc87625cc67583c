import { type Check, evidenceFrom } from "../../core/index.ts";
import { MDN_HSTS, OWASP_TLS, REDIRECT_TO_HTTPS } from "./shared.ts";
import { TransportObservations } from "../../artifacts/index.ts";

export const httpNotRedirected: Check = {
  meta: {
    id: "tls.http-not-redirected",
    title: "The http:// address serves the site instead of redirecting to https://",
    cvss: "CVSS:3.1/AV:A/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N",
    cwe: "CWE-319",
    references: [
      OWASP_TLS,
      MDN_HSTS,
      {
        title: "OWASP HTTP Strict Transport Security Cheat Sheet",
        url: "https://cheatsheetseries.owasp.org/cheatsheets/HTTP_Strict_Transport_Security_Cheat_Sheet.html",
      },
      {
        title: "CWE-319: Cleartext Transmission of Sensitive Information",
        url: "https://cwe.mitre.org/data/definitions/319.html",
      },
    ],
    explanation:
      "Your site works over HTTPS, but the plain http:// address still serves pages instead of sending visitors to https://. " +
      "Anyone who types the bare domain, follows an old link or a bookmark lands on the unencrypted version, where someone on the same network can read it, change it, and keep them off HTTPS for the whole visit (an 'SSL stripping' attack). " +
      "Session cookies without the Secure flag travel in the clear there too. A permanent redirect (301/308) to https on every http request, plus an HSTS header, closes this.",
    fixes: {
      ...REDIRECT_TO_HTTPS,
      express: `${REDIRECT_TO_HTTPS.express}\n\nThen add HSTS (\`helmet()\` sends it) so browsers stop trying http at all.`,
      nginx: `${REDIRECT_TO_HTTPS.nginx}\n\nThe port-80 block must not also contain \`root\`/\`location\` blocks that serve files. Add \`add_header Strict-Transport-Security "max-age=63072000" always;\` to the 443 block.`,
    },
    learn: "https-and-hsts#http-not-redirected",
    needs: [TransportObservations],
  },
  analyse(artifacts) {
    const facts = artifacts.read(TransportObservations);
    // Without a working https origin there is nowhere to redirect to: tls.no-https says so instead.
    if (!facts?.httpsAnswer || !facts.httpContent) return [];
    const served = facts.httpContent;
    const url = served.request.url;
    return [
      {
        url,
        summary: `${url} answers ${served.response?.status ?? ""} with content over plain http, though the site works on ${facts.httpsOrigin}.`,
        evidence: [
          evidenceFrom(
            served,
            `Plain http served the page (status ${served.response?.status ?? "?"}) instead of a redirect to https.`,
            {
              headers: ["content-type", "content-length", "location", "strict-transport-security", "server"],
            },
          ),
        ],
        details: {
          httpUrl: url,
          httpsOrigin: facts.httpsOrigin,
          status: String(served.response?.status ?? ""),
        },
      },
    ];
  },
};
