import assert from "node:assert/strict";
import { libraryCode, librarySite, pageWithScripts } from "../../../test/fixtures/library/site.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";

testCheck("library.end-of-life", {
  vulnerable: [
    {
      name: "AngularJS 1.7.9 served by the site (live)",
      site: librarySite(["/vendor/angular.min.js"], { "/vendor/angular.min.js": "angular-1.7.9" }),
      expect: (finding) => {
        assert.equal(finding?.severity, "info");
        assert.equal(finding?.details.line, "AngularJS 1.x");
        assert.equal(finding?.details.source, "https://docs.angularjs.org/misc/version-support-status");
      },
    },
    {
      name: "jQuery 1.12.4 from code.jquery.com",
      site: recorded()
        .page({ body: pageWithScripts(["https://code.jquery.com/jquery-1.12.4.min.js"]) })
        .script("https://code.jquery.com/jquery-1.12.4.min.js"),
      expect: (finding) => assert.equal(finding?.details.line, "jQuery 1.x and 2.x"),
    },
    {
      name: "Bootstrap 3.3.7's JavaScript",
      site: recorded()
        .page({ body: pageWithScripts(["/js/bootstrap.min.js"]) })
        .script("/js/bootstrap.min.js")
        .bundle("/js/bootstrap.min.js", libraryCode("bootstrap-3.3.7")),
      expect: (finding) => assert.equal(finding?.details.ended, "2019-07-24"),
    },
    {
      name: "Vue 2 named by a jsDelivr URL",
      site: recorded().page().script("https://cdn.jsdelivr.net/npm/vue@2.7.16/dist/vue.min.js"),
      expect: (finding) => assert.equal(finding?.details.line, "Vue 2 and older"),
    },
  ],
  safe: [
    {
      name: "current jQuery, lodash and Bootstrap (live)",
      site: librarySite(["/js/jquery.min.js", "/js/lodash.min.js", "/js/bootstrap.bundle.min.js"], {
        "/js/jquery.min.js": "jquery-3.7.1",
        "/js/lodash.min.js": "lodash-4.18.1",
        "/js/bootstrap.bundle.min.js": "bootstrap-5.3.9",
      }),
    },
    {
      // Maintenance mode is not end of life: Moment still ships security fixes.
      name: "Moment.js 2.30.1 from cdnjs",
      site: recorded().page().script("https://cdnjs.cloudflare.com/ajax/libs/moment.js/2.30.1/moment.min.js"),
    },
    {
      name: "Vue 3 and jQuery 3.0.0 by URL",
      site: recorded()
        .page()
        .script("https://unpkg.com/vue@3.5.13/dist/vue.global.prod.js")
        .script("https://code.jquery.com/jquery-3.0.0.min.js"),
    },
  ],
});
