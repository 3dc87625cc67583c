import {
  type Check,
  bodyText,
  evidenceFrom,
  type Exchange,
  type FindingDraft,
  registrableDomainOf,
} from "../../core/index.ts";
import { HtmlDocuments, readTags } from "../../artifacts/index.ts";

/** A cross-site script or stylesheet a page loads without a usable `integrity` hash. */
interface UncheckedResource {
  kind: "script" | "stylesheet";
  url: string;
  exchange: Exchange;
  offset: number;
}

const MAX_HTML_CHARS = 512 * 1024;
const MAX_LISTED = 30;

/**
 * Loaders whose vendors change the file behind a fixed URL on purpose (and say not to pin a hash), or that
 * answer each browser differently (Google Fonts' CSS): a hash cannot work there, so asking for one would
 * be advice nobody can follow. Matched by host and path start.
 */
const HASH_IMPOSSIBLE: readonly RegExp[] = [
  /^https?:\/\/js\.stripe\.com\//,
  /^https?:\/\/(www\.)?googletagmanager\.com\//,
  /^https?:\/\/(www|ssl)\.google-analytics\.com\//,
  /^https?:\/\/(www\.)?google\.com\/recaptcha\//,
  /^https?:\/\/www\.gstatic\.com\/recaptcha\//,
  /^https?:\/\/maps\.googleapis\.com\//,
  /^https?:\/\/fonts\.googleapis\.com\//,
  /^https?:\/\/challenges\.cloudflare\.com\//,
  /^https?:\/\/connect\.facebook\.net\//,
  /^https?:\/\/(www\.)?paypal\.com\/sdk\//,
  /^https?:\/\/accounts\.google\.com\/gsi\//,
  /^https?:\/\/apis\.google\.com\/js\//,
];

export const sriMissing: Check = {
  meta: {
    id: "headers.sri-missing",
    title: "Scripts or stylesheets from other sites are loaded without an integrity hash",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:R/S:U/C:N/I:L/A:N",
    cwe: "CWE-353",
    references: [
      {
        title: "MDN: Subresource Integrity",
        url: "https://developer.mozilla.org/en-US/docs/Web/Security/Subresource_Integrity",
      },
      { title: "W3C: Subresource Integrity", url: "https://www.w3.org/TR/SRI/" },
      { title: "SRI Hash Generator", url: "https://www.srihash.org/" },
      {
        title: "CWE-353: Missing Support for Integrity Check",
        url: "https://cwe.mitre.org/data/definitions/353.html",
      },
    ],
    explanation:
      "Your page loads a script or stylesheet from another site (a CDN such as jsDelivr, unpkg or cdnjs) without an `integrity` attribute. " +
      "The browser runs whatever that server sends: if the CDN, the package, or the account that publishes it is ever compromised (it has happened: polyfill.io in 2024), " +
      "the attacker's code runs in your page with full access to your users' sessions and forms. " +
      'With `integrity="sha384-..."` (and `crossorigin="anonymous"`) the browser refuses a file whose hash changed. ' +
      "Files from your own domain and its subdomains, scripts your CSP trusts by nonce, and vendor loaders that cannot be pinned (Stripe.js, Google Tag Manager, reCAPTCHA, Google Fonts CSS) are not reported. " +
      "The risk is low on its own; pinning versioned CDN files (or hosting them yourself) removes it.",
    fixes: {
      express: [
        "Pin a version and add its hash (srihash.org, or `openssl dgst -sha384 -binary file.js | openssl base64 -A`):",
        "```html",
        '<script src="https://cdn.jsdelivr.net/npm/alpinejs@3.14.1/dist/cdn.min.js"',
        '        integrity="sha384-…" crossorigin="anonymous" defer></script>',
        "```",
        "Or install the package and serve it from your own origin (`app.use('/vendor', express.static('node_modules/alpinejs/dist'))`).",
      ].join("\n"),
      nextjs: [
        "Prefer installing the library (`npm i`) so it is bundled with your app. For a script that must come from a CDN:",
        "```tsx",
        'import Script from "next/script";',
        '<Script src="https://cdn.example.com/lib@1.2.3/lib.min.js" integrity="sha384-…" crossOrigin="anonymous" />',
        "```",
        "Next.js can hash its own chunks too: `experimental.sri: { algorithm: 'sha384' }` in `next.config.js`.",
      ].join("\n"),
      fastapi: [
        "In your Jinja templates, pin the version and add the hash:",
        "```html",
        '<link rel="stylesheet" href="https://cdn.jsdelivr.net/npm/bootstrap@5.3.3/dist/css/bootstrap.min.css"',
        '      integrity="sha384-…" crossorigin="anonymous">',
        "```",
        "FastAPI's own Swagger UI page loads its files from jsDelivr: pass `swagger_js_url`/`swagger_css_url` pointing at files you serve (`StaticFiles`), or disable `/docs` in production.",
      ].join("\n"),
      nginx: [
        "nginx serves the HTML but cannot add hashes to it: fix the templates (see the other tabs), or serve the CDN files yourself:",
        "```nginx",
        "location /vendor/ { root /srv/site; expires 1y; add_header Cache-Control immutable; }",
        "```",
      ].join("\n"),
    },
    learn: "security-headers#sri-missing",
    needs: [HtmlDocuments],
  },
  analyse(artifacts) {
    const resources: UncheckedResource[] = [];
    for (const document of artifacts.read(HtmlDocuments)) {
      const found = uncheckedResources(bodyText(document.exchange.response), document.url, document.exchange);
      for (const resource of found) {
        if (resources.length >= MAX_LISTED) break;
        if (!resources.some((known) => known.url === resource.url)) resources.push(resource);
      }
    }
    const first = resources[0];
    if (!first) return [];
    const listed = resources.slice(0, 5).map((resource) => `${resource.kind} ${clip(resource.url)}`);
    const draft: FindingDraft = {
      url: first.exchange.request.url,
      groupKey: "sri-missing",
      summary:
        `${resources.length}${resources.length >= MAX_LISTED ? "+" : ""} script${resources.length === 1 ? "" : "s"} or stylesheet${resources.length === 1 ? "" : "s"} from other sites load without an integrity hash: ` +
        `${listed.join(", ")}${resources.length > 5 ? ", …" : ""}.`,
      evidence: [
        evidenceFrom(
          first.exchange,
          `The page loads the ${first.kind} ${clip(first.url)} from another site without an integrity attribute.`,
          { headers: ["content-type"], around: first.offset },
        ),
      ],
      details: {
        resources: resources.map((resource) => clip(resource.url)).join(" "),
        pages: [...new Set(resources.map((resource) => resource.exchange.request.url))].join(" "),
      },
    };
    return [draft];
  },
};

/** The page's cross-site <script src> and <link rel=stylesheet> without a usable integrity hash. */
function uncheckedResources(html: string, pageUrl: string, exchange: Exchange): UncheckedResource[] {
  const found: UncheckedResource[] = [];
  const page = new URL(pageUrl);
  let base = pageUrl;
  let baseSeen = false;
  readTags(html.slice(0, MAX_HTML_CHARS), {
    open(name, attributes, offset) {
      if (found.length >= MAX_LISTED) return;
      if (name === "base" && !baseSeen && attributes.href !== undefined) {
        baseSeen = true;
        const resolved = resolve(attributes.href, pageUrl);
        if (resolved) base = resolved.href;
        return;
      }
      let kind: UncheckedResource["kind"] | undefined;
      let value: string | undefined;
      if (name === "script") {
        kind = "script";
        value = attributes.src;
        // A nonce is the CSP author vouching for this exact element: strict-dynamic trusts what it loads too.
        if (attributes.nonce !== undefined && attributes.nonce.trim() !== "") return;
      } else if (
        name === "link" &&
        (attributes.rel ?? "").toLowerCase().split(/\s+/).includes("stylesheet")
      ) {
        kind = "stylesheet";
        value = attributes.href;
      }
      if (!kind || value === undefined || value.trim() === "") return;
      if (hasHash(attributes.integrity)) return;
      const url = resolve(value, base);
      if (!url || (url.protocol !== "https:" && url.protocol !== "http:")) return;
      if (sameSite(page, url) || HASH_IMPOSSIBLE.some((pattern) => pattern.test(url.href))) return;
      found.push({ kind, url: url.href, exchange, offset });
    },
  });
  return found;
}

/** An integrity attribute counts only with a hash browsers know; anything else is ignored by them. */
function hasHash(integrity: string | undefined): boolean {
  return (integrity ?? "").split(/\s+/).some((token) => /^sha(256|384|512)-[A-Za-z0-9+/=_-]+/.test(token));
}

/** Same registrable domain (public-suffix list): the site's own subdomains and CDN host names are first party. */
function sameSite(page: URL, resource: URL): boolean {
  const pageHost = page.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  const resourceHost = resource.hostname.replace(/^\[|\]$/g, "").toLowerCase();
  if (pageHost === resourceHost) return true;
  const pageSite = registrableDomainOf(pageHost);
  return pageSite !== null && pageSite === registrableDomainOf(resourceHost);
}

function resolve(value: string, base: string): URL | undefined {
  try {
    return new URL(value.trim(), base);
  } catch {
    return undefined;
  }
}

function clip(url: string): string {
  return url.length > 200 ? `${url.slice(0, 200)}…` : url;
}
