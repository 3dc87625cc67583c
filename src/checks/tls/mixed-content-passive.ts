import { type Check, CVSS_INFORMATIONAL, plural } from "../../core/index.ts";
import { HtmlDocuments } from "../../artifacts/index.ts";
import { mixedContentDrafts } from "./mixed-content-drafts.ts";
import { insecureActiveContent } from "./active-content.ts";
import { insecurePassiveContent } from "./passive-content.ts";
import { MDN_MIXED_CONTENT } from "./shared.ts";

export const mixedContentPassive: Check = {
  meta: {
    id: "tls.mixed-content-passive",
    title: "An HTTPS page loads images or media over plain http://",
    cvss: CVSS_INFORMATIONAL,
    cwe: "CWE-319",
    references: [
      MDN_MIXED_CONTENT,
      { title: "W3C: Mixed Content (upgradeable content)", url: "https://www.w3.org/TR/mixed-content/" },
      {
        title: "MDN: CSP upgrade-insecure-requests",
        url: "https://developer.mozilla.org/en-US/docs/Web/HTTP/Reference/Headers/Content-Security-Policy/upgrade-insecure-requests",
      },
    ],
    explanation:
      "Your https page refers to images, audio or video at http:// addresses. Current browsers try those over https instead and drop the ones that fail, so visitors may see broken images; " +
      "browsers that still load them over http show the page as not fully secure, and anyone on the network path can see which images are fetched or swap them (a fake 'pay here' QR code, a changed price picture). " +
      "Nothing runs from an image, so this is informational: change the URLs to https (or relative paths), or send `Content-Security-Policy: upgrade-insecure-requests`.",
    fixes: {
      express: [
        "Change the `http://` image and media URLs in your templates to `https://`. As a safety net, with Helmet:",
        "```js",
        "app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: [] } } }));",
        "```",
      ].join("\n"),
      nextjs: [
        "Use `https://` URLs in `<Image src>` / `<img>` / `<video>` (and in `images.remotePatterns`, `protocol: 'https'`). As a safety net, in `next.config.js`:",
        "```js",
        "async headers() {",
        "  return [{ source: '/(.*)', headers: [",
        "    { key: 'Content-Security-Policy', value: 'upgrade-insecure-requests' },",
        "  ] }];",
        "}",
        "```",
      ].join("\n"),
      fastapi: [
        "Fix the URLs in your templates or the data that feeds them (user avatars stored as http:// URLs are a common source). As a safety net:",
        "```python",
        "@app.middleware('http')",
        "async def upgrade(request, call_next):",
        "    response = await call_next(request)",
        "    response.headers['Content-Security-Policy'] = 'upgrade-insecure-requests'",
        "    return response",
        "```",
      ].join("\n"),
      nginx: [
        "Fix the URLs in the pages; as a safety net:",
        "```nginx",
        'add_header Content-Security-Policy "upgrade-insecure-requests" always;',
        "```",
      ].join("\n"),
      cloudflare:
        "SSL/TLS → Edge Certificates → **Automatic HTTPS Rewrites** rewrites http:// links that are also served over https.",
    },
    learn: "https-and-hsts#mixed-content-passive",
    needs: [HtmlDocuments],
  },
  analyse(artifacts) {
    return mixedContentDrafts(artifacts.read(HtmlDocuments), {
      find: insecurePassiveContent,
      counted: (count) => plural(count, "image or media file"),
      // Active mixed content on the same page is the louder finding (tls.mixed-content); this one still lists the media.
      details: (html, pageUrl): Record<string, string> =>
        insecureActiveContent(html, pageUrl).length > 0
          ? { alsoActiveMixedContent: "yes (see tls.mixed-content)" }
          : {},
    });
  },
};
