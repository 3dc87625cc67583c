import assert from "node:assert/strict";
import { wordpressPage, wordpressSite } from "../../../test/fixtures/cms/wordpress.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";

const wordpress = () => recorded().page({ body: wordpressPage() });

testCheck("cms.user-enumeration", {
  vulnerable: [
    {
      name: "a live WordPress on its defaults (REST list and author redirect)",
      site: wordpressSite(),
      expect: (finding) => {
        assert.equal(finding?.severity, "medium");
        assert.equal(finding?.details.users, "maria, tom-editor");
        assert.match(finding?.details.sources ?? "", /wp-json.*author=1/);
        assert.match(finding?.summary ?? "", /maria \(Maria Baker\)/);
      },
    },
    {
      name: "a live WordPress with plain permalinks (only ?rest_route= reaches the list)",
      site: wordpressSite({ plainPermalinks: true, authorRedirect: false }),
      expect: (finding) => assert.equal(finding?.details.sources, "/?rest_route=/wp/v2/users"),
    },
    {
      name: "a closed REST list but ?author=1 still redirects to the author's name",
      site: wordpressSite({ users: "closed" }),
      expect: (finding) => {
        assert.equal(finding?.details.users, "maria");
        assert.equal(finding?.details.sources, "/?author=1");
      },
    },
    {
      name: "the author archive itself (plain permalinks), named in its body class",
      site: wordpress().cms("wp-author", {
        body: '<!doctype html><body class="archive author author-editor-in-chief author-1 wp-embed-responsive"><h1>Posts</h1>',
      }),
      expect: (finding) => assert.equal(finding?.details.users, "editor-in-chief"),
    },
    {
      name: "a long list, bounded in the report",
      site: wordpress().cms("wp-users", {
        type: "application/json",
        body: JSON.stringify(
          Array.from({ length: 14 }, (_, i) => ({
            id: i + 1,
            name: `User ${i}`,
            slug: `user-${i}`,
            link: "",
          })),
        ),
      }),
      expect: (finding) => {
        assert.equal(finding?.details.count, "14");
        assert.equal(finding?.details.users?.split(", ").length, 10);
        assert.match(finding?.summary ?? "", /and 4 more/);
      },
    },
  ],
  safe: [
    {
      name: "a live hardened WordPress (401 list, no author redirect)",
      site: wordpressSite({ users: "closed", authorRedirect: false }),
    },
    {
      name: "a live WordPress whose list is empty to visitors",
      site: wordpressSite({ users: "empty", authorRedirect: false }),
    },
    {
      name: "a catch-all HTML page at the users path and the author query",
      site: wordpress()
        .cms("wp-users", { body: wordpressPage() })
        .cms("wp-users-route", { body: wordpressPage() })
        .cms("wp-author", { body: wordpressPage() }),
    },
    {
      name: "?author=1 redirecting to the home page",
      site: wordpress().cms("wp-author", { status: 301, headers: { location: "/" } }),
    },
    {
      name: "a JSON array that is not WordPress's user shape",
      site: wordpress().cms("wp-users", {
        type: "application/json",
        body: '[{"title":"Post","slug":"hello"}]',
      }),
    },
  ],
});
