import { type Check, evidenceFrom, type Evidence } from "../../core/index.ts";
import { LETS_ENCRYPT, MDN_HSTS, OWASP_TLS, REDIRECT_TO_HTTPS } from "./shared.ts";
import { TransportObservations } from "../../artifacts/index.ts";

export const noHttps: Check = {
  meta: {
    id: "tls.no-https",
    title: "The site does not answer over HTTPS at all",
    cvss: "CVSS:3.1/AV:A/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:N",
    cwe: "CWE-319",
    references: [
      OWASP_TLS,
      LETS_ENCRYPT,
      MDN_HSTS,
      {
        title: "CWE-319: Cleartext Transmission of Sensitive Information",
        url: "https://cwe.mitre.org/data/definitions/319.html",
      },
    ],
    explanation:
      "Your site only works over plain http://: nothing answers on https:// for the same address. " +
      "Everything your visitors send and receive (passwords, session cookies, personal data, the page's own scripts) crosses the network readable and changeable by anyone in between: " +
      "the café Wi-Fi, a compromised router, an ISP injecting ads. Browsers mark the site 'Not secure', and features such as geolocation, service workers and secure cookies do not work without HTTPS. " +
      "Certificates are free (Let's Encrypt) and every modern hosting platform sets them up automatically once the domain points at it.",
    fixes: {
      express: [
        "Put the app behind something that terminates TLS with an automatic certificate (your host's load balancer, Caddy, or nginx with certbot), then redirect plain requests:",
        "",
        REDIRECT_TO_HTTPS.express,
      ].join("\n"),
      nextjs: [
        "Deploy on a platform that issues certificates (Vercel, Netlify, Cloudflare), or terminate TLS in Caddy/nginx in front of `next start`.",
        "",
        REDIRECT_TO_HTTPS.nextjs,
      ].join("\n"),
      fastapi: [
        "Run uvicorn behind a TLS-terminating proxy (Caddy gets and renews certificates by itself: `caddy reverse-proxy --from example.com --to localhost:8000`).",
        "",
        REDIRECT_TO_HTTPS.fastapi,
      ].join("\n"),
      nginx: [
        "Get a certificate and let certbot add the https server block: `certbot --nginx -d example.com -d www.example.com`. Or by hand:",
        "```nginx",
        "server {",
        "    listen 443 ssl;",
        "    server_name example.com;",
        "    ssl_certificate     /etc/letsencrypt/live/example.com/fullchain.pem;",
        "    ssl_certificate_key /etc/letsencrypt/live/example.com/privkey.pem;",
        "}",
        "```",
        "",
        REDIRECT_TO_HTTPS.nginx,
      ].join("\n"),
      apache: `Run \`certbot --apache -d example.com\`, which adds a \`<VirtualHost *:443>\` with the certificate.\n\n${REDIRECT_TO_HTTPS.apache}`,
      vercel: REDIRECT_TO_HTTPS.vercel,
      netlify: REDIRECT_TO_HTTPS.netlify,
      cloudflare: `Proxy the domain through Cloudflare (orange cloud) to get an edge certificate at once. ${REDIRECT_TO_HTTPS.cloudflare}`,
    },
    learn: "https-and-hsts#no-https",
    needs: [TransportObservations],
  },
  analyse(artifacts) {
    const facts = artifacts.read(TransportObservations);
    if (!facts?.httpsFailure || artifacts.target.scheme !== "http") return [];
    const failure = facts.httpsFailure;
    const evidence: Evidence[] = [
      evidenceFrom(
        failure,
        `Nothing answered over https on ${facts.httpsOrigin}: ${failure.error?.message ?? "no response"}.`,
      ),
    ];
    if (facts.httpContent) {
      evidence.push(
        evidenceFrom(
          facts.httpContent,
          `The same site answers over plain http at ${facts.httpContent.request.url}.`,
          {
            headers: ["content-type", "server", "location"],
          },
        ),
      );
    }
    return [
      {
        url: facts.httpsOrigin,
        summary: `${facts.httpsOrigin} does not answer (${failure.error?.message ?? "no response"}), so the site is only reachable over plain http.`,
        evidence,
        details: {
          httpsOrigin: facts.httpsOrigin,
          error: failure.error?.code ?? "",
          errorMessage: failure.error?.message ?? "",
        },
      },
    ];
  },
};
