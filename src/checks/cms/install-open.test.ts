import assert from "node:assert/strict";
import {
  alreadyInstalled,
  installForm,
  languageChooser,
  wordpressPage,
  wordpressSite,
} from "../../../test/fixtures/cms/wordpress.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";

const wordpress = () => recorded().page({ body: wordpressPage() });

const SETUP_CONFIG = `<!DOCTYPE html><html><head><title>WordPress &rsaquo; Setup Configuration File</title>
<link rel='stylesheet' href='/wp-admin/css/install.min.css?ver=6.4.2' /></head>
<body class="wp-core-ui"><p id="logo">WordPress</p>
<form method="post" action="setup-config.php?step=2">
<p>Below you should enter your database connection details.</p>
<table class="form-table" role="presentation">
<tr><th scope="row"><label for="dbname">Database Name</label></th><td><input name="dbname" id="dbname" type="text" value="wordpress" /></td></tr>
<tr><th scope="row"><label for="uname">Username</label></th><td><input name="uname" id="uname" type="text" value="username" /></td></tr>
<tr><th scope="row"><label for="dbhost">Database Host</label></th><td><input name="dbhost" id="dbhost" type="text" value="localhost" /></td></tr>
</table><p class="step"><input name="submit" type="submit" value="Submit" class="button button-large" /></p></form></body></html>`;

testCheck("cms.install-open", {
  vulnerable: [
    {
      name: "a live WordPress not yet installed (every page redirects to the installer)",
      site: wordpressSite({ notInstalled: true }),
      expect: (finding) => {
        assert.equal(finding?.severity, "critical");
        assert.equal(finding?.details.step, "language");
        assert.match(finding?.url ?? "", /\/wp-admin\/install\.php$/);
      },
    },
    {
      name: "the install form at install.php",
      site: wordpress().cms("wp-install", { body: installForm() }),
      expect: (finding) => assert.equal(finding?.details.step, "install-form"),
    },
    {
      name: "setup-config.php asking for database credentials (no wp-config.php yet)",
      site: wordpress().cms("wp-install", { body: SETUP_CONFIG }),
      expect: (finding) => assert.equal(finding?.details.step, "database-setup"),
    },
    {
      name: "a site in a folder whose page is its installer",
      site: recorded("http://app.fixture.test:8080/blog/wp-admin/install.php").page({
        body: languageChooser(),
      }),
    },
  ],
  safe: [
    { name: "a live installed WordPress (install.php says Already Installed)", site: wordpressSite() },
    {
      name: "Already Installed, recorded",
      site: wordpress().cms("wp-install", { body: alreadyInstalled() }),
    },
    {
      name: "a catch-all page at install.php",
      site: wordpress().cms("wp-install", { body: wordpressPage() }),
    },
    {
      name: "setup-config.php on a configured site",
      site: wordpress().cms("wp-install", {
        body: `<!DOCTYPE html><html><body class="wp-core-ui"><p>The file 'wp-config.php' already exists. If you need to reset any of the configuration items in this file, please delete it first. You may try <a href="install.php">installing now</a>.</p><form id="setup"><select name="language"></select></form></body></html>`,
      }),
    },
    {
      name: "the installer refused (403)",
      site: wordpress().cms("wp-install", { status: 403, body: installForm() }),
    },
  ],
});
