import assert from "node:assert/strict";
import { wordpressPage, wordpressSite } from "../../../test/fixtures/cms/wordpress.ts";
import type { Handler } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";

/** A site whose page carries `head` and which serves `files` (path → [type, body]); 404 elsewhere. */
function cmsSite(
  head: string,
  files: Record<string, [string, string]> = {},
  headers: Record<string, string> = {},
): Handler {
  return (req, res) => {
    if (req.url === "/")
      return res
        .writeHead(200, { "content-type": "text/html; charset=utf-8", ...headers })
        .end(`<!doctype html><html><head><title>Site</title>${head}</head><body><h1>Site</h1></body></html>`);
    const file = files[req.url ?? ""];
    if (file) return res.writeHead(200, { "content-type": file[0] }).end(file[1]);
    res.writeHead(404, { "content-type": "text/html" }).end("<h1>Not found</h1>");
  };
}

const DRUPAL_7_CHANGELOG =
  "\nDrupal 7.98, 2023-06-07\n-----------------------\n- Fixed a PHP 8.2 deprecation.\n";
const JOOMLA_MANIFEST = `<?xml version="1.0" encoding="UTF-8"?>
<extension type="file" method="upgrade">
	<name>files_joomla</name>
	<author>Joomla! Project</author>
	<creationDate>2023-10</creationDate>
	<version>4.4.0</version>
	<description>FILES_JOOMLA_XML_DESCRIPTION</description>
</extension>`;

testCheck("cms.version-disclosed", {
  vulnerable: [
    {
      name: "a live WordPress on its defaults (generator, core ?ver=, feed)",
      site: wordpressSite(),
      expect: (finding) => {
        assert.equal(finding?.severity, "info");
        assert.equal(finding?.details.version, "6.4.2");
        for (const place of ["generator meta", "/wp-includes/", "RSS feed"])
          assert.ok(finding?.details.where?.includes(place), place);
      },
    },
    {
      name: "only ?ver= on core stylesheets (generator tag removed)",
      site: recorded().page({ body: wordpressPage("?ver=6.3.1", undefined) }),
      expect: (finding) => {
        assert.equal(finding?.details.version, "6.3.1");
        assert.match(finding?.details.where ?? "", /wp-includes/);
      },
    },
    {
      name: "only the feed's generator line",
      site: recorded()
        .page({ body: wordpressPage("", undefined) })
        .cms("wp-feed", {
          type: "application/rss+xml",
          body: '<?xml version="1.0"?><rss version="2.0"><channel><generator>https://wordpress.org/?v=6.2</generator></channel></rss>',
        }),
      expect: (finding) => assert.equal(finding?.details.version, "6.2"),
    },
    {
      name: "an old release's readme.html",
      site: recorded()
        .page({ body: wordpressPage("", undefined) })
        .cms("wp-readme", {
          body: `<!DOCTYPE html><html><head><title>WordPress &#8250; ReadMe</title></head><body>
<h1 id="logo"><a href="http://wordpress.org/"><img alt="WordPress" src="wp-admin/images/wordpress-logo.png" /></a>
<br /> Version 3.5.1
</h1><p style="text-align: center">Semantic Personal Publishing Platform</p></body></html>`,
        }),
      expect: (finding) => {
        assert.equal(finding?.details.version, "3.5.1");
        assert.equal(finding?.details.where, "readme.html");
      },
    },
    {
      name: "Drupal 10's X-Generator header (the major release only)",
      site: recorded().page({
        headers: { "x-generator": "Drupal 10 (https://www.drupal.org)" },
        body: "<!doctype html><title>News</title>",
      }),
      expect: (finding) => {
        assert.equal(finding?.details.version, "10");
        assert.match(finding?.summary ?? "", /major release only/);
      },
    },
    {
      name: "a live Drupal 7 with its CHANGELOG.txt",
      site: cmsSite('<meta name="Generator" content="Drupal 7 (http://drupal.org)" />', {
        "/CHANGELOG.txt": ["text/plain", DRUPAL_7_CHANGELOG],
      }),
      expect: (finding) => {
        assert.equal(finding?.details.version, "7.98");
        assert.match(finding?.details.where ?? "", /CHANGELOG\.txt/);
      },
    },
    {
      name: "a live Joomla with its readable manifest",
      site: cmsSite('<meta name="generator" content="Joomla! - Open Source Content Management" />', {
        "/administrator/manifests/files/joomla.xml": ["application/xml", JOOMLA_MANIFEST],
      }),
      expect: (finding) => assert.equal(finding?.details.version, "4.4.0"),
    },
    {
      name: "Ghost's generator tag",
      site: recorded().page({
        body: '<!doctype html><head><meta name="generator" content="Ghost 5.75"></head>',
      }),
      expect: (finding) => assert.equal(finding?.details.cms, "ghost"),
    },
  ],
  safe: [
    {
      name: "a live hardened WordPress (no generator, no core ?ver=, no readme)",
      site: wordpressSite({ hideVersion: true }),
    },
    {
      name: "a live Joomla whose manifest is refused",
      site: cmsSite('<meta name="generator" content="Joomla! - Open Source Content Management" />'),
    },
    {
      // Plugins and themes version their own files: 5.8.4 is Contact Form 7, 3.7.1 jQuery, not WordPress.
      name: "?ver= on plugin, theme and bundled-library assets only",
      site: recorded().page({
        body: `<link rel="stylesheet" href="/wp-content/themes/bakery/style.css?ver=2.1.0">
<script src="/wp-content/plugins/contact-form-7/index.js?ver=5.8.4"></script>
<script src="/wp-includes/js/jquery/jquery.min.js?ver=3.7.1"></script>`,
      }),
    },
    {
      name: "a page that embeds another site's WordPress images and styles",
      site: recorded().page({
        body: '<link rel="stylesheet" href="https://blog.other.test/wp-includes/css/dashicons.min.css?ver=6.4.2"><img src="https://blog.other.test/wp-content/uploads/a.png">',
      }),
    },
    {
      name: "the readme.html of WordPress 6.x, which names PHP, MySQL and GPL versions but not its own",
      site: recorded()
        .page({ body: wordpressPage("", undefined) })
        .cms("wp-readme", {
          body: `<!DOCTYPE html><html lang="en"><head><title>WordPress &#8250; ReadMe</title></head><body>
<h1 id="logo"><a href="https://wordpress.org/"><img alt="WordPress" src="wp-admin/images/wordpress-logo.png" /></a></h1>
<li><a href="https://secure.php.net/">PHP</a> version <strong>7.4</strong> or greater.</li>
<p>released under the terms of the <abbr>GPL</abbr> (GNU General Public License) version 2 or (at your option) any later Version 3.0 of it.</p></body></html>`,
        }),
    },
    {
      name: "a catch-all page at readme.html and the feed (a WordPress without a version anywhere)",
      site: recorded()
        .page({ body: wordpressPage("", undefined) })
        .cms("wp-readme", { body: "<!doctype html><title>Corner Bakery</title><p>Version 2 of our menu</p>" })
        .cms("wp-feed", { body: wordpressPage("", undefined) }),
    },
  ],
});
