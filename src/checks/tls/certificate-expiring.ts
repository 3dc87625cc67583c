import { type Check, evidenceFrom, plural } from "../../core/index.ts";
import { certificateDetails, describeCertificate, SiteCertificates } from "../../artifacts/index.ts";
import { LETS_ENCRYPT, OWASP_TLS } from "./shared.ts";

/** Renewal tooling renews 30 days ahead; two weeks left means it has already failed once or more. */
export const EXPIRY_WARNING_DAYS = 14;
const DAY_MS = 86_400_000;

export const certificateExpiring: Check = {
  meta: {
    id: "tls.certificate-expiring",
    title: "The HTTPS certificate expires within two weeks",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:N/I:N/A:L",
    cwe: "CWE-324",
    references: [
      OWASP_TLS,
      LETS_ENCRYPT,
      {
        title: "Let's Encrypt: Certificate lifetimes and renewal",
        url: "https://letsencrypt.org/docs/faq/",
      },
      {
        title: "CWE-324: Use of a Key Past its Expiration Date",
        url: "https://cwe.mitre.org/data/definitions/324.html",
      },
    ],
    explanation:
      "Your certificate is valid today but expires in less than 14 days. When it does, every browser will block the site with a security warning, and API clients and webhooks will stop connecting. " +
      "Automated renewal normally replaces a certificate a month before it expires, so this usually means renewal is broken (a failed cron job, a DNS or firewall change that blocks the validation challenge, or a manually bought certificate nobody remembered).",
    fixes: {
      express:
        "Find out who issues the certificate (the proxy, the platform, or certbot on the server) and renew it now: `certbot renew --dry-run` shows why automatic renewal fails. Make sure Node (or the proxy) reloads the new files afterwards: a renewed file on disk is not served until the process reloads it.",
      nextjs:
        "On Vercel or Netlify renewal is automatic as long as the domain's DNS still points at the platform: check Settings → Domains for a warning. Self-hosted, renew with your proxy's ACME client (Caddy renews by itself; certbot with `certbot renew`).",
      fastapi:
        "Renew the certificate used by the proxy in front of uvicorn (or by uvicorn's `--ssl-certfile`), then restart or reload the process. `certbot renew --dry-run` shows why the automatic renewal failed.",
      nginx: [
        "Renew and reload, then fix the automation:",
        "```sh",
        "certbot renew && nginx -s reload",
        "systemctl list-timers | grep certbot   # is the renewal timer there?",
        "certbot renew --dry-run                # why did it fail?",
        "```",
        "Add `--deploy-hook 'nginx -s reload'` so nginx serves the new certificate after each renewal.",
      ].join("\n"),
      vercel:
        "Vercel renews automatically while the domain points at Vercel. A domain marked 'Invalid Configuration' under Settings → Domains cannot renew: fix its DNS records.",
      netlify:
        "Netlify renews Let's Encrypt certificates automatically while DNS points at Netlify; an uploaded custom certificate must be replaced by you under Domain management → HTTPS.",
      cloudflare:
        "Cloudflare renews its edge certificates itself. If this is your origin's certificate (mode Full (strict)), renew it on the origin, or install a 15-year Cloudflare Origin CA certificate there.",
    },
    learn: "https-and-hsts#certificate-expiring",
    needs: [SiteCertificates],
  },
  analyse(artifacts) {
    return artifacts
      .read(SiteCertificates)
      .filter((certificate) => certificate.problems.length === 0 && certificate.validTo !== undefined)
      .flatMap((certificate) => {
        const left = certificate.validTo! - certificate.observedAt;
        if (left <= 0 || left > EXPIRY_WARNING_DAYS * DAY_MS) return [];
        const daysLeft = Math.floor(left / DAY_MS);
        return [
          {
            url: certificate.origin,
            summary: `The certificate of ${certificate.origin} expires in ${daysLeft < 1 ? "less than a day" : plural(daysLeft, "day")} (${certificate.observation.certificate?.validTo ?? ""}).`,
            evidence: [
              evidenceFrom(certificate.exchange, describeCertificate(certificate), {
                headers: [],
                excerpt: "",
              }),
            ],
            details: { ...certificateDetails(certificate), daysLeft: String(daysLeft) },
          },
        ];
      });
  },
};
