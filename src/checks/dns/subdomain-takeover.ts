import { evidenceFrom, type Check, type Evidence } from "../../core/index.ts";
import { DnsRecords, type TakeoverCandidate } from "../../artifacts/index.ts";
import { CAN_I_TAKE_OVER_XYZ, dnsEvidence, dnsFixes, dnsUri } from "./shared.ts";

function proof(candidate: TakeoverCandidate): Evidence {
  const chain = [candidate.host, ...candidate.chain].join(" → ");
  if (candidate.missingTarget)
    return dnsEvidence(
      candidate.missingTarget,
      `${chain}: the last name does not exist at ${candidate.service.name}`,
    );
  const sign = candidate.service.sign.kind === "body" ? candidate.service.sign.fingerprint : "";
  return evidenceFrom(
    candidate.page!,
    `${chain}: the host answers with ${candidate.service.name}'s "nothing here" page ("${sign.slice(0, 120)}")`,
  );
}

export const subdomainTakeover: Check = {
  meta: {
    id: "dns.subdomain-takeover",
    title: "A host of the site points at a hosting resource anyone can claim (subdomain takeover)",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:H/A:N",
    cwe: "CWE-672",
    references: [
      CAN_I_TAKE_OVER_XYZ,
      {
        title: "OWASP Web Security Testing Guide: Test for Subdomain Takeover",
        url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/02-Configuration_and_Deployment_Management_Testing/10-Test_for_Subdomain_Takeover",
      },
    ],
    explanation:
      "This host's DNS still sends visitors (a CNAME) to a hosting service, but the bucket, app or site it names there no longer exists, and the service shows " +
      'its "nothing here" sign. Anyone can create a resource with that name on the service and then serve any content on your host: phishing pages under ' +
      "your name, scripts your pages load, and cookies scoped to your domain.",
    fixes: dnsFixes(
      "delete the CNAME (or point it at something you own) now; recreating the resource on the service also works if you still need it. Remove DNS records before you delete the resources they point at.",
      [
        "; remove the dangling record:",
        "; docs.example.com.  300  IN  CNAME  example-docs.s3.amazonaws.com.",
      ],
    ),
    learn: "dns-and-mail#subdomain-takeover",
    needs: [{ kind: DnsRecords, request: "takeover" }],
  },
  analyse(artifacts) {
    return artifacts
      .read(DnsRecords)
      .takeovers.filter((candidate) => candidate.unclaimed)
      .map((candidate) => ({
        url: dnsUri(candidate.host, "CNAME"),
        summary: `${candidate.host} has a CNAME to ${candidate.chain.at(-1) ?? "?"} at ${candidate.service.name}, which shows it unclaimed: anyone can take it over.`,
        evidence: [proof(candidate)],
        details: {
          host: candidate.host,
          service: candidate.service.name,
          target: candidate.chain.at(-1) ?? "",
        },
      }));
  },
};
