import {
  bodyText,
  type Check,
  CVSS_INFORMATIONAL,
  evidenceFrom,
  type Exchange,
  type FindingDraft,
} from "../../core/index.ts";
import { CMS_LABELS, type CmsName, CmsResponses, type VersionSighting } from "../../artifacts/index.ts";
import { drupalChangelogVersion, feedVersion, joomlaManifestVersion, readmeVersion } from "./signatures.ts";

/** Evidence pieces kept per finding (one per place the version was read). */
const MAX_EVIDENCE = 3;

export const cmsVersionDisclosed: Check = {
  meta: {
    id: "cms.version-disclosed",
    title: "The site tells anyone which CMS version it runs",
    cvss: CVSS_INFORMATIONAL,
    cwe: "CWE-497",
    references: [
      {
        title: "OWASP WSTG: Fingerprint Web Application Framework",
        url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/01-Information_Gathering/08-Fingerprint_Web_Application_Framework",
      },
      {
        title: "WordPress: Hardening WordPress",
        url: "https://developer.wordpress.org/advanced-administration/security/hardening/",
      },
      {
        title: "CWE-497: Exposure of Sensitive System Information to an Unauthorized Control Sphere",
        url: "https://cwe.mitre.org/data/definitions/497.html",
      },
    ],
    explanation:
      "Your site states the exact release of its CMS: WordPress in its generator tag, the `?ver=` of its core files, its feed or its `readme.html`; Drupal, Joomla or Ghost in their generator tag, headers or shipped files. " +
      "That is not a hole by itself, but it tells an attacker (and the bots that scan the whole web for old releases) exactly which published vulnerabilities apply. " +
      "The real fix is to stay on the current release; hiding the number takes the site off the easy lists.",
    fixes: {
      nginx: [
        "Refuse the files that only tell the version, and hide the generator header:",
        "```nginx",
        "location = /readme.html { return 404; }",
        "location = /CHANGELOG.txt { return 404; }",
        "location ^~ /administrator/manifests/ { return 404; }",
        "proxy_hide_header X-Generator;",
        "```",
        "In WordPress remove the generator tag (in the theme's functions.php: `remove_action('wp_head', 'wp_generator');` and `add_filter('the_generator', '__return_empty_string');`) and keep core updated.",
      ].join("\n"),
      apache: [
        "```apache",
        '<FilesMatch "^(readme\\.html|CHANGELOG\\.txt|license\\.txt)$">',
        "    Require all denied",
        "</FilesMatch>",
        "Header unset X-Generator",
        "```",
      ].join("\n"),
      express:
        "A CMS behind an Express proxy: drop `X-Generator` from proxied answers (`proxyRes.headers['x-generator']` in http-proxy-middleware's `onProxyRes`) and fix the tag and files in the CMS itself (see nginx).",
      nextjs:
        "A headless CMS behind Next.js: the version shows on the CMS's own host. Remove the generator there (WordPress: `remove_action('wp_head', 'wp_generator')`; Ghost and Drupal: see the Learn article) and keep its admin host private.",
      fastapi:
        "A CMS behind a FastAPI proxy: strip `X-Generator` in a middleware before the response leaves, and fix the tag and files in the CMS itself (see nginx).",
    },
    learn: "cms#version-disclosed",
    needs: [{ kind: CmsResponses, request: "version" }],
  },
  analyse(artifacts) {
    const cms = artifacts.read(CmsResponses);
    const sightings: VersionSighting[] = [...cms.versions];
    const add = (
      name: CmsName,
      version: string | undefined,
      where: string,
      exchange: Exchange | undefined,
    ) => {
      if (version && exchange) sightings.push({ cms: name, version, where, exchange });
    };
    add("wordpress", feedVersion(cms.answers["wp-feed"]), "the RSS feed's generator", cms.answers["wp-feed"]);
    add("wordpress", readmeVersion(cms.answers["wp-readme"]), "readme.html", cms.answers["wp-readme"]);
    add(
      "drupal",
      drupalChangelogVersion(cms.answers["drupal-changelog"]),
      "CHANGELOG.txt",
      cms.answers["drupal-changelog"],
    );
    add(
      "joomla",
      joomlaManifestVersion(cms.answers["joomla-manifest"]),
      "the joomla.xml manifest",
      cms.answers["joomla-manifest"],
    );
    if (sightings.length === 0 || !cms.page) return [];
    const origin = new URL(cms.page.request.url).origin;
    // The most precise release each CMS gives away (6.4.2 over 6.4; Drupal 7.98 over "Drupal 7").
    const best = new Map<CmsName, string>();
    for (const { cms: name, version } of sightings)
      if ((best.get(name)?.length ?? 0) < version.length) best.set(name, version);
    const named = [...best].map(([name, version]) => `${CMS_LABELS[name]} ${version}`);
    const places = [...new Set(sightings.map((sighting) => sighting.where))];
    const majorOnly = [...best.values()].every((version) => !version.includes("."));
    return [
      {
        url: origin,
        summary:
          `${origin} shows that it runs ${named.join(" and ")} (in ${places.join(", ")})` +
          (majorOnly ? ": the major release only, which still narrows the known vulnerabilities." : "."),
        evidence: sightings.slice(0, MAX_EVIDENCE).map((sighting) =>
          evidenceFrom(
            sighting.exchange,
            `${CMS_LABELS[sighting.cms]} ${sighting.version} in ${sighting.where}.`,
            {
              around: aroundOf(sighting),
            },
          ),
        ),
        details: {
          cms: [...best.keys()].join(", "),
          version: [...best.values()].join(", "),
          where: places.join("; "),
        },
      } satisfies FindingDraft,
    ];
  },
};

/** Where the version is in the body, so the excerpt shows it (the start, when it is in a header). */
function aroundOf(sighting: VersionSighting): number {
  const response = sighting.exchange.response;
  if (!response) return 0;
  const index = bodyText(response).indexOf(sighting.version);
  return index < 0 ? 0 : index;
}
