import { CVSS_INFORMATIONAL, type Check, type FindingDraft } from "../../core/index.ts";
import { ServedLibraries, endOfLifeLine } from "../../artifacts/index.ts";
import { sightingEvidence, sightingUrls } from "./sighting-evidence.ts";

export const endOfLife: Check = {
  meta: {
    id: "library.end-of-life",
    title: "A JavaScript library the site serves no longer receives fixes",
    cvss: CVSS_INFORMATIONAL,
    cwe: "CWE-1104",
    references: [
      {
        title: "AngularJS: version support status",
        url: "https://docs.angularjs.org/misc/version-support-status",
      },
      { title: "jQuery: version support", url: "https://jquery.com/support/" },
      { title: "Bootstrap release schedule", url: "https://github.com/twbs/release" },
      { title: "Vue 2 end of life", url: "https://v2.vuejs.org/eol/" },
      {
        title: "CWE-1104: Use of Unmaintained Third Party Components",
        url: "https://cwe.mitre.org/data/definitions/1104.html",
      },
    ],
    explanation:
      "Your pages load a version line of a JavaScript library that its maintainers have stopped fixing (AngularJS 1.x, jQuery 1.x and 2.x, Bootstrap 3 and 4, Vue 2). " +
      "Nothing is known to be broken because of this alone, so it is informational, but the next vulnerability found in that line will not be patched: " +
      "plan the move to the maintained line named in the finding. Each line's end is the maintainers' own statement, linked in the finding.",
    fixes: {
      express: [
        "Plan the migration to the maintained line (`npm install bootstrap@5`, jQuery 3.7+, Vue 3, Angular for AngularJS) and follow the library's migration guide.",
        "Until then keep the last release of the old line and limit what untrusted data reaches it.",
      ].join("\n"),
      nextjs: [
        "Move to the maintained major version (`npm install vue@3`, `bootstrap@5`) following its migration guide; `npm ls <name>` shows which of your dependencies still pulls the old one.",
      ].join("\n"),
      fastapi: [
        "The old library is in your templates or `static/`: replace it with the maintained line (change the CDN URL or the file) and adapt the markup to its migration guide.",
      ].join("\n"),
      nginx: [
        "nginx only serves the files: replace them (and the `<script src>` in the HTML) with the maintained line's release.",
      ].join("\n"),
    },
    learn: "vulnerable-libraries#end-of-life",
    needs: [ServedLibraries],
  },
  analyse(artifacts) {
    const drafts: FindingDraft[] = [];
    for (const library of artifacts.read(ServedLibraries)) {
      const line = endOfLifeLine(library.library, library.version);
      const first = library.sightings[0];
      if (!line || !first) continue;
      drafts.push({
        url: first.url,
        groupKey: `${library.library}@${library.version}`,
        summary:
          `${library.library} ${library.version} belongs to ${line.line}, which no longer receives fixes` +
          `${line.ended !== undefined ? ` (since ${line.ended})` : ""}: move to ${line.replacement}.`,
        evidence: sightingEvidence(library),
        details: {
          library: library.library,
          version: library.version,
          line: line.line,
          ...(line.ended !== undefined ? { ended: line.ended } : {}),
          source: line.source,
          seenAt: sightingUrls(library),
        },
      });
    }
    return drafts;
  },
};
