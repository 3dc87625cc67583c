import tls, { type PeerCertificate } from "node:tls";
import {
  type Recording,
  type Exchange,
  isSameSite,
  defineArtifact,
  type TlsObservation,
} from "../core/index.ts";

/** The plain reading of the verification codes Node and OpenSSL give (socket.authorizationError). */
export const CERTIFICATE_ERRORS: Readonly<Record<string, string>> = {
  CERT_HAS_EXPIRED: "it has expired",
  CERT_NOT_YET_VALID: "it is not valid yet",
  DEPTH_ZERO_SELF_SIGNED_CERT: "it is self-signed",
  SELF_SIGNED_CERT_IN_CHAIN: "its chain ends in a self-signed root that browsers do not trust",
  UNABLE_TO_GET_ISSUER_CERT_LOCALLY:
    "its issuer is not trusted, or the server does not send the intermediate certificate",
  UNABLE_TO_VERIFY_LEAF_SIGNATURE:
    "its issuer is not trusted, or the server does not send the intermediate certificate",
  UNABLE_TO_GET_ISSUER_CERT: "its issuer certificate could not be found",
  CERT_REVOKED: "it has been revoked",
  CERT_SIGNATURE_FAILURE: "its signature does not verify",
  CERT_UNTRUSTED: "it is not trusted for serving websites",
  INVALID_PURPOSE: "it is not meant for serving websites",
  ERR_TLS_CERT_ALTNAME_INVALID: "it is not issued for this host name",
};

/** Certificate fields come from the target: each is cut at this length where it is shown. */
const MAX_FACT = 300;

/** The certificate one of the site's https origins presented, read as a browser would judge it. */
export interface SiteCertificate {
  origin: string;
  hostname: string;
  observation: TlsObservation;
  /** The first exchange that reached the origin: its time is "now" for date checks, and it is the evidence. */
  exchange: Exchange;
  observedAt: number;
  validFrom?: number;
  validTo?: number;
  /** Why a browser would refuse it, in plain words (empty when it is valid). */
  problems: string[];
}

/**
 * Every same-site https origin the scan reached, with its certificate's problems. The scanner connects
 * without enforcing verification on purpose, so a bad certificate is observed here instead of stopping
 * the scan. OpenSSL reports only its first verification error; the date and name checks below add the
 * others (a self-signed certificate that is also expired and for another name shows all three).
 */
export const SiteCertificates = defineArtifact(
  "site-certificates",
  (artifacts: Recording): SiteCertificate[] => {
    const certificates: SiteCertificate[] = [];
    for (const [origin, observation] of artifacts.tls) {
      const url = new URL(origin);
      if (!isSameSite(artifacts.target, url)) continue;
      const exchange = artifacts.exchanges.find(
        (candidate) => candidate.response && new URL(candidate.request.url).origin === origin,
      );
      if (!exchange) continue;
      const hostname = url.hostname.replace(/^\[|\]$/g, "");
      const observedAt = Date.parse(exchange.startedAt);
      const validFrom = dateOf(observation.certificate?.validFrom);
      const validTo = dateOf(observation.certificate?.validTo);
      const problems: string[] = [];
      const add = (problem: string) => {
        if (!problems.includes(problem)) problems.push(problem);
      };
      const code = observation.authorizationError;
      if (code) add(CERTIFICATE_ERRORS[code] ?? `it failed verification (${code})`);
      else if (!observation.authorized) add("it failed verification");
      if (validTo !== undefined && validTo < observedAt) add(CERTIFICATE_ERRORS.CERT_HAS_EXPIRED!);
      if (validFrom !== undefined && validFrom > observedAt) add(CERTIFICATE_ERRORS.CERT_NOT_YET_VALID!);
      if (observation.certificate && !namesMatch(hostname, observation.certificate)) {
        add(CERTIFICATE_ERRORS.ERR_TLS_CERT_ALTNAME_INVALID!);
      }
      certificates.push({
        origin,
        hostname,
        observation,
        exchange,
        observedAt,
        ...(validFrom !== undefined ? { validFrom } : {}),
        ...(validTo !== undefined ? { validTo } : {}),
        problems,
      });
    }
    return certificates;
  },
);

/** Node's own host-name rules (wildcards, IP SANs, CN only without SANs), applied to what was recorded. */
function namesMatch(hostname: string, certificate: NonNullable<TlsObservation["certificate"]>): boolean {
  const commonName = /(?:^|, )CN=([^,]*)/.exec(certificate.subject)?.[1];
  const peer = {
    subject: commonName ? { CN: commonName } : {},
    subjectaltname: certificate.subjectAltNames.join(", "),
  } as unknown as PeerCertificate;
  return tls.checkServerIdentity(hostname, peer) === undefined;
}

function dateOf(text: string | undefined): number | undefined {
  if (!text) return undefined;
  const time = Date.parse(text);
  return Number.isNaN(time) ? undefined : time;
}

/** The certificate's facts as one evidence sentence. */
export function describeCertificate(certificate: SiteCertificate): string {
  const facts = certificate.observation.certificate;
  if (!facts) return `No certificate details were available for ${certificate.origin}.`;
  const sans = facts.subjectAltNames.length > 0 ? facts.subjectAltNames.join(", ") : "none";
  return (
    `Certificate of ${certificate.origin}: subject ${clip(facts.subject) || "(empty)"}; ` +
    `issuer ${clip(facts.issuer) || "(empty)"}; valid from ${facts.validFrom} to ${facts.validTo}; ` +
    `names (SANs): ${clip(sans)}.`
  );
}

/** Structured facts for the finding's details (the target wrote them: clipped). */
export function certificateDetails(certificate: SiteCertificate): Record<string, string> {
  const facts = certificate.observation.certificate;
  const details: Record<string, string> = {
    origin: certificate.origin,
    ...(facts
      ? {
          subject: facts.subject,
          issuer: facts.issuer,
          validFrom: facts.validFrom,
          validTo: facts.validTo,
          subjectAltNames: facts.subjectAltNames.join(", "),
          selfSigned: String(facts.selfSigned),
        }
      : {}),
    ...(certificate.observation.authorizationError
      ? { verificationError: certificate.observation.authorizationError }
      : {}),
    ...(certificate.observation.protocol ? { protocol: certificate.observation.protocol } : {}),
  };
  for (const [key, value] of Object.entries(details)) details[key] = clip(value);
  return details;
}

function clip(text: string): string {
  return text.length > MAX_FACT ? `${text.slice(0, MAX_FACT)}…` : text;
}
