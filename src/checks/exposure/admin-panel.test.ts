import assert from "node:assert/strict";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import {
  jsonCatchAll,
  recordedStaticSite,
  spaWith,
  staticSite,
} from "../../../test/fixtures/exposure/sites.ts";
import { flaskDebugApp, jupyterServer, PHPMYADMIN_LOGIN } from "../../../test/fixtures/exposure/tools.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";

testCheck("exposure.admin-panel", {
  vulnerable: [
    {
      name: "phpMyAdmin's login page at /phpmyadmin/",
      site: staticSite({ "/phpmyadmin/": { type: "text/html; charset=utf-8", body: PHPMYADMIN_LOGIN } }),
      expect: (finding) => {
        assert.equal(finding?.severity, "low");
        assert.match(
          finding?.summary ?? "",
          /phpMyAdmin is reachable at \/phpmyadmin\/ and asks for a login/,
        );
      },
    },
    {
      name: "phpMyAdmin on an SPA host (index.html for everything else)",
      site: spaWith({ "/phpmyadmin/": { type: "text/html", body: PHPMYADMIN_LOGIN } }),
    },
    {
      name: "the Werkzeug debugger console locked by its PIN",
      site: flaskDebugApp(true),
      expect: (finding) => assert.match(finding?.summary ?? "", /locked by its PIN/),
    },
    { name: "Jupyter's token login page", site: jupyterServer(true) },
    {
      name: "a Jenkins host whose page is its login",
      site: recorded().page({
        headers: { "x-jenkins": "2.440.1" },
        body: '<html><head><title>Sign in [Jenkins]</title></head><body><form name="login" action="j_spring_security_check" method="post"><input name="j_username"><input name="j_password" type="password"></form></body></html>',
      }),
    },
  ],
  safe: [
    { name: "a single-page app answering index.html everywhere", site: spaSite },
    { name: "a CDN answering admin paths with block pages", site: cdnSite },
    { name: "a catch-all JSON 404-as-200 API", site: jsonCatchAll },
    { name: "Jupyter without a token is a console, not a login page", site: jupyterServer(false) },
    {
      name: "an article titled after phpMyAdmin, served at /phpmyadmin/",
      site: recordedStaticSite("admin", {
        "/phpmyadmin/": {
          type: "text/html",
          body: "<html><head><title>How to install phpMyAdmin on Ubuntu</title></head><body><p>Run apt install phpmyadmin, then log in.</p></body></html>",
        },
      }),
    },
    {
      name: "a hosting company's page that names phpMyAdmin in prose",
      site: recordedStaticSite("admin", {
        "/phpmyadmin/": {
          type: "text/html",
          body: "<html><title>Hosting features</title><p>Every plan includes phpMyAdmin and Adminer.</p></html>",
        },
      }),
    },
  ],
});
