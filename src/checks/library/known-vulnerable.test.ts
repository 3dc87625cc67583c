import assert from "node:assert/strict";
import { libraryCode, librarySite, pageWithScripts } from "../../../test/fixtures/library/site.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";
import type { Finding } from "../../core/index.ts";

/** A recorded page that loads these same-site scripts, each fetched with this code. */
function servedScripts(scripts: Record<string, string>) {
  const builder = recorded().page({ body: pageWithScripts(Object.keys(scripts)) });
  for (const [path, code] of Object.entries(scripts)) builder.script(path).bundle(path, code);
  return builder;
}

function ids(finding: Finding | undefined): string[] {
  return (finding?.details.ids ?? "").split(" ");
}

testCheck("library.known-vulnerable", {
  vulnerable: [
    {
      name: "jQuery 1.12.4 served by the site itself (live)",
      site: librarySite(["/js/jquery.min.js"], { "/js/jquery.min.js": "jquery-1.12.4" }),
      expect: (finding) => {
        assert.equal(finding?.details.library, "jquery");
        assert.equal(finding?.details.version, "1.12.4");
        for (const id of ["CVE-2015-9251", "CVE-2019-11358", "CVE-2020-11022", "CVE-2020-11023"])
          assert.ok(ids(finding).includes(id), id);
        assert.equal(finding?.details.fixedIn, "3.5.0");
        assert.equal(finding?.severity, "medium");
        assert.match(finding?.evidence[0]?.response?.bodyExcerpt ?? "", /jQuery v1\.12\.4/);
      },
    },
    {
      name: "jQuery named by a code.jquery.com URL: the URL says the version, nothing is fetched from the CDN",
      site: recorded()
        .page({ body: pageWithScripts(["https://code.jquery.com/jquery-1.12.4.min.js"]) })
        .script("https://code.jquery.com/jquery-1.12.4.min.js"),
      expect: (finding, report) => {
        assert.equal(finding?.url, "https://code.jquery.com/jquery-1.12.4.min.js");
        assert.ok(ids(finding).includes("CVE-2020-11022"));
        assert.match(finding?.evidence[0]?.note ?? "", /URL names jquery 1\.12\.4/);
        assert.equal(report.findings.length, 1);
      },
    },
    {
      name: "a CDN URL on a live page: no request leaves for the CDN host (live)",
      site: librarySite(["https://cdn.jsdelivr.net/npm/lodash@4.17.15/lodash.min.js"], {}),
      expect: (finding) => {
        assert.equal(finding?.details.library, "lodash");
        // The proof is the page that names the URL: the scan asked nothing of the CDN.
        assert.match(finding?.evidence[0]?.request?.url ?? "", /^http:\/\/[^/]*fixture\.test:\d+\/$/);
        assert.ok(ids(finding).includes("CVE-2020-8203"));
        assert.ok(ids(finding).includes("CVE-2021-23337"));
        assert.ok(!ids(finding).includes("CVE-2019-10744"), "fixed in 4.17.12, before this version");
        assert.equal(finding?.severity, "high");
        assert.equal(finding?.details.fixedIn, "4.18.0");
      },
    },
    {
      name: "AngularJS 1.7.9: no release of the 1.x line fixes everything",
      site: servedScripts({ "/vendor/angular.min.js": libraryCode("angular-1.7.9") }),
      expect: (finding) => {
        assert.equal(finding?.details.library, "angularjs");
        assert.ok(ids(finding).includes("CVE-2020-7676"));
        assert.ok(ids(finding).includes("CVE-2022-25844"));
        assert.equal(finding?.details.fixedIn, "none");
        assert.match(finding?.summary ?? "", /No release of this library fixes all of them/);
      },
    },
    {
      name: "lodash 4.17.15 from its banner, in a file whose name says nothing",
      site: servedScripts({ "/static/vendor.js": libraryCode("lodash-4.17.15") }),
      expect: (finding) => assert.ok(ids(finding).includes("CVE-2021-23337")),
    },
    {
      name: "Bootstrap 3.3.7's JavaScript",
      site: servedScripts({ "/js/bootstrap.min.js": libraryCode("bootstrap-3.3.7") }),
      expect: (finding) => {
        for (const id of ["CVE-2018-14040", "CVE-2018-14042", "CVE-2019-8331"])
          assert.ok(ids(finding).includes(id), id);
        assert.equal(finding?.details.fixedIn, "4.3.1");
      },
    },
    {
      name: "jQuery 1.12.4 inside one concatenated bundle with other code, reported once",
      site: servedScripts({
        "/app.js": `${libraryCode("jquery-1.12.4")}\n;(function(){ console.log("app") })();`,
        "/other.js": libraryCode("jquery-1.12.4"),
      }),
      expect: (_finding, report) => {
        const found = report.findings.filter((finding) => finding.id === "library.known-vulnerable");
        assert.equal(found.length, 1, "one finding per library and version");
        assert.match(found[0]?.details.seenAt ?? "", /app\.js.*other\.js|other\.js.*app\.js/);
      },
    },
    {
      name: "an old library inlined into the page's own script",
      site: recorded()
        .page({ body: pageWithScripts([]) })
        .script({ inline: libraryCode("bootstrap-3.3.7") }),
    },
  ],
  safe: [
    {
      name: "current jQuery 3.7.1, lodash 4.18.1 and Bootstrap 5.3.9 (live)",
      site: librarySite(["/js/jquery.min.js", "/js/lodash.min.js", "/js/bootstrap.bundle.min.js"], {
        "/js/jquery.min.js": "jquery-3.7.1",
        "/js/lodash.min.js": "lodash-4.18.1",
        "/js/bootstrap.bundle.min.js": "bootstrap-5.3.9",
      }),
    },
    {
      name: "current versions named by CDN URLs",
      site: recorded()
        .page({ body: pageWithScripts([]) })
        .script("https://code.jquery.com/jquery-3.7.1.min.js")
        .script("https://cdn.jsdelivr.net/npm/bootstrap@5.3.9/dist/js/bootstrap.bundle.min.js"),
    },
    {
      name: "a CDN URL with a version range: the CDN decides what runs, so it says no version",
      site: recorded().page().script("https://cdn.jsdelivr.net/npm/jquery@1/dist/jquery.min.js"),
    },
    {
      name: "an old library named only in the page's HTML (a comment, a link, text): not code the page runs",
      site: recorded().page({
        body: `<!doctype html><!-- /*! jQuery v1.12.4 | (c) jQuery Foundation */ --><p>We moved off jquery-1.12.4.min.js</p><a href="https://code.jquery.com/jquery-1.12.4.min.js">old</a>`,
      }),
    },
    {
      name: "an old library only inside a source map (its sources are not served code)",
      site: servedScripts({ "/app.js": `console.log("app");\n//# sourceMappingURL=app.js.map` }).sourceMap(
        "/app.js.map",
        "/app.js",
        "comment",
        {
          body: JSON.stringify({
            version: 3,
            sources: ["jquery.js"],
            sourcesContent: [libraryCode("jquery-1.12.4")],
            mappings: "",
          }),
        },
      ),
    },
    {
      // The file name promises jQuery 1.12.4, but the site answers its HTML shell: no library runs.
      name: "a single-page app answering its HTML shell for a versioned script path (live)",
      site: (_req, res) =>
        res
          .writeHead(200, { "content-type": "text/html" })
          .end(pageWithScripts(["/js/jquery-1.12.4.min.js"])),
    },
  ],
});
