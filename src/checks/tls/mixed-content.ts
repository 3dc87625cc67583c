import { type Check, plural } from "../../core/index.ts";
import { HtmlDocuments } from "../../artifacts/index.ts";
import { mixedContentDrafts } from "./mixed-content-drafts.ts";
import { insecureActiveContent } from "./active-content.ts";
import { MDN_MIXED_CONTENT } from "./shared.ts";

export const mixedContent: Check = {
  meta: {
    id: "tls.mixed-content",
    title: "An HTTPS page loads scripts, styles or frames over plain http://",
    cvss: "CVSS:3.1/AV:A/AC:H/PR:N/UI:R/S:U/C:L/I:L/A:N",
    cwe: "CWE-319",
    references: [
      MDN_MIXED_CONTENT,
      { title: "W3C: Mixed Content", url: "https://www.w3.org/TR/mixed-content/" },
      {
        title: "MDN: CSP upgrade-insecure-requests",
        url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy/upgrade-insecure-requests",
      },
      {
        title: "CWE-319: Cleartext Transmission of Sensitive Information",
        url: "https://cwe.mitre.org/data/definitions/319.html",
      },
    ],
    explanation:
      "Your page is served over HTTPS but pulls in a script, stylesheet or frame from an http:// address. " +
      "Whoever can see that one unencrypted request (the same Wi-Fi, a router on the way) can replace the file, and a replaced script runs with full control of your page: it can read what users type and act as them. " +
      "Current browsers refuse to load such 'active mixed content', so today it mostly means a broken page (missing scripts or styles); older browsers and some in-app web views still load it. " +
      "Load every resource over https (or from your own origin with a relative path).",
    fixes: {
      express: [
        "Change the `http://` URLs in your templates to `https://` (or host the files yourself). As a safety net, ask browsers to upgrade any leftover ones with Helmet's CSP:",
        "```js",
        "app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: [] } } }));",
        "```",
      ].join("\n"),
      nextjs: [
        "Replace `http://` in `<Script src>`, `<link href>` and `<iframe src>` with `https://`. As a safety net, add the CSP directive in `next.config.js`:",
        "```js",
        "async headers() {",
        "  return [{ source: '/(.*)', headers: [",
        "    { key: 'Content-Security-Policy', value: 'upgrade-insecure-requests' },",
        "  ] }];",
        "}",
        "```",
      ].join("\n"),
      fastapi: [
        "Fix the `http://` URLs in your Jinja templates (use `url_for(...)` behind a proxy started with `--proxy-headers`, so it builds https URLs). As a safety net:",
        "```python",
        "@app.middleware('http')",
        "async def upgrade(request, call_next):",
        "    response = await call_next(request)",
        "    response.headers['Content-Security-Policy'] = 'upgrade-insecure-requests'",
        "    return response",
        "```",
      ].join("\n"),
      nginx: [
        "Fix the URLs in the pages. As a safety net, tell browsers to upgrade the rest:",
        "```nginx",
        'add_header Content-Security-Policy "upgrade-insecure-requests" always;',
        "```",
        "If the app builds http:// URLs because it sits behind nginx, pass `proxy_set_header X-Forwarded-Proto $scheme;`.",
      ].join("\n"),
      vercel:
        "Fix the URLs in the code; a `Content-Security-Policy: upgrade-insecure-requests` header in `vercel.json` (`headers`) upgrades any leftovers.",
      netlify:
        'Fix the URLs in the code; add `Content-Security-Policy = "upgrade-insecure-requests"` under `[[headers]]` in `netlify.toml` to upgrade any leftovers.',
      cloudflare:
        "SSL/TLS → Edge Certificates → **Automatic HTTPS Rewrites** rewrites http:// links to https:// where the resource supports it; fixing the source is still better.",
    },
    learn: "https-and-hsts#mixed-content",
    needs: [HtmlDocuments],
  },
  analyse(artifacts) {
    return mixedContentDrafts(artifacts.read(HtmlDocuments), {
      find: insecureActiveContent,
      counted: (count) => plural(count, "active resource"),
    });
  },
};
