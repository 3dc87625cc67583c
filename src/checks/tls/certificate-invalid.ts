import { type Check, evidenceFrom } from "../../core/index.ts";
import { certificateDetails, describeCertificate, SiteCertificates } from "../../artifacts/index.ts";
import { LETS_ENCRYPT, OWASP_TLS } from "./shared.ts";

export const certificateInvalid: Check = {
  meta: {
    id: "tls.certificate-invalid",
    title: "Browsers do not trust this site's HTTPS certificate",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:H/I:H/A:N",
    cwe: "CWE-295",
    references: [
      OWASP_TLS,
      LETS_ENCRYPT,
      {
        title: "CWE-295: Improper Certificate Validation",
        url: "https://cwe.mitre.org/data/definitions/295.html",
      },
      {
        title: "MDN: What is a TLS certificate?",
        url: "https://developer.mozilla.org/en-US/docs/Web/Security/Transport_Layer_Security",
      },
    ],
    explanation:
      "The certificate your site presents over HTTPS is expired, not valid yet, self-signed, issued by an authority browsers do not trust, missing its intermediate certificate, or issued for a different host name. " +
      "Browsers show a full-page warning and most visitors leave. Those who click through (and apps or scripts told to ignore certificate errors) can no longer tell your server from an attacker's: " +
      "anyone on their network can present their own certificate and read or change everything, passwords and session cookies included. " +
      "It usually happens when a certificate was not renewed, when a test certificate reached production, or when a domain points at a server configured for another name.",
    fixes: {
      express: [
        "Let the platform or a proxy in front of Node hold the certificate (Caddy, nginx, your host's load balancer). If Node serves TLS itself, load a certificate issued for this exact name together with its chain:",
        "```js",
        "https.createServer({",
        "  key: fs.readFileSync('/etc/letsencrypt/live/example.com/privkey.pem'),",
        "  cert: fs.readFileSync('/etc/letsencrypt/live/example.com/fullchain.pem'), // fullchain, not cert.pem",
        "}, app).listen(443);",
        "```",
        "Renew automatically (`certbot renew` on a timer) and restart or reload Node afterwards.",
      ].join("\n"),
      nextjs:
        "On Vercel or Netlify certificates are issued and renewed for you: check the domain's status under Settings → Domains (a red status means DNS points elsewhere or the certificate could not be issued). Self-hosted, terminate TLS in a proxy (Caddy, nginx) with a Let's Encrypt certificate for the exact host name.",
      fastapi: [
        "Terminate TLS in a proxy (Caddy, nginx, Traefik) with an automatically renewed certificate. If uvicorn serves TLS itself, give it the full chain:",
        "```sh",
        "uvicorn main:app --host 0.0.0.0 --port 443 \\",
        "  --ssl-keyfile /etc/letsencrypt/live/example.com/privkey.pem \\",
        "  --ssl-certfile /etc/letsencrypt/live/example.com/fullchain.pem",
        "```",
      ].join("\n"),
      nginx: [
        "Serve a certificate for every `server_name`, with its intermediate certificates (the full chain):",
        "```nginx",
        "server {",
        "    listen 443 ssl;",
        "    server_name example.com www.example.com;",
        "    ssl_certificate     /etc/letsencrypt/live/example.com/fullchain.pem;",
        "    ssl_certificate_key /etc/letsencrypt/live/example.com/privkey.pem;",
        "}",
        "```",
        "`certbot --nginx -d example.com -d www.example.com` sets this up and renews it; `nginx -s reload` after renewal.",
      ].join("\n"),
      vercel:
        "Open Project → Settings → Domains. A domain with an invalid configuration has no certificate: point its DNS at Vercel (A record 76.76.21.21 or the CNAME shown) and Vercel issues and renews one.",
      netlify:
        "Open Domain management → HTTPS and choose **Verify DNS configuration**, then **Provision certificate**. A custom certificate you uploaded must include the intermediate chain and be renewed by you.",
      cloudflare:
        "With the site proxied through Cloudflare, visitors see Cloudflare's edge certificate (automatic). Set SSL/TLS mode to **Full (strict)** and give your origin a valid certificate (a free Cloudflare Origin CA certificate works for that leg).",
    },
    learn: "https-and-hsts#certificate-invalid",
    needs: [SiteCertificates],
  },
  analyse(artifacts) {
    return artifacts
      .read(SiteCertificates)
      .filter((certificate) => certificate.problems.length > 0)
      .map((certificate) => ({
        url: certificate.origin,
        summary: `The certificate of ${certificate.origin} is not valid: ${certificate.problems.join("; ")}.`,
        evidence: [
          evidenceFrom(
            certificate.exchange,
            `${describeCertificate(certificate)} Verification: ${certificate.observation.authorizationError ?? (certificate.observation.authorized ? "passed" : "failed")}.`,
            { headers: [], excerpt: "" },
          ),
        ],
        details: { ...certificateDetails(certificate), problems: certificate.problems.join("; ") },
      }));
  },
};
