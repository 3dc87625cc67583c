import type { Check, FindingDraft } from "../../core/index.ts";
import { type AdvisorySeverity, ServedLibraries, assessLibrary } from "../../artifacts/index.ts";
import { sightingEvidence, sightingUrls } from "./sighting-evidence.ts";

/**
 * The Retire.js data gives each vulnerability a word (low, medium, high, critical), not a vector, and how
 * bad a library flaw is depends on how the site uses it. Each word maps to a generic vector of a
 * client-side flaw (the attacker needs a visitor's browser, UI:R) whose score falls in that word's band:
 * the finding's severity is the data's highest, never more. The advisories linked hold their own vectors.
 */
export const SEVERITY_VECTORS: Readonly<Record<AdvisorySeverity, string>> = {
  low: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N", // 3.1
  medium: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N", // 6.1, the usual XSS in a library
  high: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:N", // 8.1
  critical: "CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:C/C:H/I:H/A:N", // 9.3
};

const MAX_IDS_IN_SUMMARY = 8;

export const knownVulnerable: Check = {
  meta: {
    id: "library.known-vulnerable",
    title: "A JavaScript library the site serves has known vulnerabilities",
    cvss: SEVERITY_VECTORS.medium,
    cwe: "CWE-1395",
    references: [
      { title: "Retire.js vulnerability repository", url: "https://github.com/RetireJS/retire.js" },
      {
        title: "OWASP Top 10 (2021) A06: Vulnerable and Outdated Components",
        url: "https://owasp.org/Top10/A06_2021-Vulnerable_and_Outdated_Components/",
      },
      {
        title: "CWE-1395: Dependency on Vulnerable Third-Party Component",
        url: "https://cwe.mitre.org/data/definitions/1395.html",
      },
      { title: "npm audit", url: "https://docs.npmjs.com/cli/commands/npm-audit" },
    ],
    explanation:
      "Your pages load a version of a JavaScript library (jQuery, AngularJS, lodash, Bootstrap, ...) with publicly known vulnerabilities, listed with their CVE or GitHub advisory ids. " +
      "The version was read from the script's URL (a CDN link such as `code.jquery.com/jquery-1.12.4.min.js`) or from the library's own banner in the code your site serves. " +
      "Whether a given flaw can be exploited depends on how your code calls the library (most are cross-site scripting through functions fed with untrusted text), but attackers scan for these versions because the exploits are public. " +
      "The severity is the highest the advisories give. Upgrading to the version named in the finding removes every listed vulnerability.",
    fixes: {
      express: [
        "Upgrade the package and rebuild: `npm install jquery@^3.7.1` (the finding names the version that fixes everything listed), then `npm audit` to see what else is outdated.",
        "For a library you copied into `public/`, replace the file with the new release, or serve it from `node_modules` (`app.use('/vendor', express.static('node_modules/jquery/dist'))`) so `npm update` keeps it current.",
        "For a CDN `<script src>`, change the version in the URL (and its `integrity` hash).",
      ].join("\n"),
      nextjs: [
        "Upgrade the dependency (`npm install lodash@latest`), check `npm audit` and `npm ls <name>` (another package may pull in the old version: add an `overrides` entry in package.json), rebuild and redeploy.",
        "A `<Script src>` pointing at a CDN: change the version in its URL.",
      ].join("\n"),
      fastapi: [
        "Your templates or static folder hold the old file: download the fixed release into `static/` (or change the CDN URL in the Jinja template), and bump the version in any `package.json` your front end is built from.",
        "Run `npm audit` where the front end is built; `pip-audit` covers only the Python side.",
      ].join("\n"),
      nginx: [
        "nginx serves the file as it is: replace it in the document root with the fixed release (or fix the `<script src>` in the HTML it serves).",
        "Long `expires` caching keeps old copies in browsers: give the new file a new name or version in its URL.",
      ].join("\n"),
    },
    learn: "vulnerable-libraries#known-vulnerable",
    needs: [ServedLibraries],
  },
  analyse(artifacts) {
    const drafts: FindingDraft[] = [];
    for (const library of artifacts.read(ServedLibraries)) {
      const assessment = assessLibrary(library.library, library.version);
      const first = library.sightings[0];
      if (!assessment || !first) continue;
      const ids = [...new Set(assessment.advisories.flatMap((advisory) => advisory.ids))];
      const unnamed = assessment.advisories.filter((advisory) => advisory.ids.length === 0).length;
      const listed =
        ids.slice(0, MAX_IDS_IN_SUMMARY).join(", ") +
        (ids.length > MAX_IDS_IN_SUMMARY ? `, and ${ids.length - MAX_IDS_IN_SUMMARY} more` : "") +
        (unnamed > 0 ? `${ids.length > 0 ? ", plus " : ""}${unnamed} without a CVE id` : "");
      const fix =
        assessment.fixedIn !== undefined
          ? `Version ${assessment.fixedIn} fixes all of them.`
          : "No release of this library fixes all of them: replace it.";
      drafts.push({
        url: first.url,
        groupKey: `${library.library}@${library.version}`,
        cvss: SEVERITY_VECTORS[assessment.severity],
        summary:
          `${library.library} ${library.version} has ${assessment.advisories.length} known vulnerabilit${assessment.advisories.length === 1 ? "y" : "ies"} ` +
          `(highest severity ${assessment.severity}): ${listed}. ${fix}`,
        evidence: sightingEvidence(library),
        details: {
          library: library.library,
          version: library.version,
          ids: ids.join(" "),
          severity: assessment.severity,
          fixedIn: assessment.fixedIn ?? "none",
          seenAt: sightingUrls(library),
          advisories: assessment.advisories
            .map(
              (advisory) =>
                `${advisory.ids.join("/") || "no id"} (${advisory.severity}): ${advisory.summary}`,
            )
            .join(" | ")
            .slice(0, 2000),
        },
      });
    }
    return drafts;
  },
};
