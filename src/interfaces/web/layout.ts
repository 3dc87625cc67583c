import { html, trusted, type SafeHtml } from "../../render/index.ts";
import { SITE_CSS } from "./site-css.ts";

export interface PageOptions {
  title: string;
  description?: string;
  nonce: string;
  body: SafeHtml;
  /** Which nav entry is current. */
  section?: "scan" | "learn";
  /** Extra CSS (already safe: ours, or the report renderer's), placed in the nonce'd style element. */
  css?: string;
  /** Extra <head> markup (e.g. the no-JavaScript refresh). */
  head?: SafeHtml;
  /** Inline script source (ours only), run under the nonce at the end of the body. */
  script?: string;
  /** Search engines should not index shared reports. */
  noindex?: boolean;
}

const FAVICON =
  "data:image/svg+xml,%3Csvg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 32 32'%3E%3Crect width='32' height='32' rx='7' fill='%234338ca'/%3E%3Cpath d='M16 6l8 3v6c0 5-3.4 9-8 11-4.6-2-8-6-8-11V9z' fill='%23fff'/%3E%3C/svg%3E";

/** Every page's frame: head, skip link, header with navigation, main, footer. */
export function page(options: PageOptions): SafeHtml {
  const current = (section: PageOptions["section"]) => (options.section === section ? "page" : false);
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <title>${options.title}</title>
        <meta
          name="description"
          content="${options.description ?? "See what an attacker sees: scan your site for CORS, header, cookie, TLS and exposure problems, with the fix for your stack."}"
        />
        ${options.noindex ? trusted('<meta name="robots" content="noindex, nofollow">') : ""}
        <link rel="icon" href="${FAVICON}" />
        <style nonce="${options.nonce}">
          ${trusted(SITE_CSS)}${trusted(options.css ?? "")}
        </style>
        ${options.head ?? ""}
      </head>
      <body>
        <a class="skip" href="#main">Skip to content</a>
        <header class="site">
          <div class="wrap">
            <a class="brand" href="/"><span class="brand-mark" aria-hidden="true">✓</span>amihackable</a>
            <nav class="main" aria-label="Main">
              <a href="/" ${current("scan") ? trusted('aria-current="page"') : ""}>Scan</a>
              <a href="/learn" ${current("learn") ? trusted('aria-current="page"') : ""}>Learn</a>
              <a href="/api/openapi.json">API</a>
            </nav>
          </div>
        </header>
        <main id="main" class="wrap" tabindex="-1">${options.body}</main>
        <footer class="site">
          <div class="wrap">
            <p>
              amihackable is open source. It sends only read-only requests (GET, HEAD, OPTIONS), at most 150
              per scan, and only to public addresses.
            </p>
            <p>
              Scan from your own machine, localhost included:
              <code>npx amihackable scan https://your-site.example</code>
            </p>
          </div>
        </footer>
        ${
          options.script
            ? html`<script nonce="${options.nonce}">
                ${trusted(options.script)};
              </script>`
            : ""
        }
      </body>
    </html> `;
}
