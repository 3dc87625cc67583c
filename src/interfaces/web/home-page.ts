import { listArticles } from "../../learn/index.ts";
import { html, type SafeHtml } from "../../render/index.ts";
import { page } from "./layout.ts";
import { scanForm } from "./scan-form.ts";

/** The front door: one field, one button, and what a scan looks at. */
export function homePage(options: { nonce: string; value?: string; error?: string }): SafeHtml {
  const articles = listArticles();
  return page({
    title: "amihackable: see what an attacker sees",
    nonce: options.nonce,
    section: "scan",
    body: html`<section class="hero" aria-labelledby="hero-title">
        <h1 id="hero-title">See what an attacker sees.</h1>
        <p class="lead">
          Paste your site's address. amihackable sends a few careful, read-only requests and tells you what is
          exposed: CORS, security headers, cookies, HTTPS, exposed files, keys leaked in your JavaScript, open
          Supabase and Firebase backends. Each finding comes with the evidence and the fix for your stack.
        </p>
        ${scanForm({ id: "url", ...(options.value !== undefined ? { value: options.value } : {}), ...(options.error ? { error: options.error } : {}) })}
        <p class="hint">
          Scan only sites you own or are allowed to test. At most 150 requests, only GET, HEAD and OPTIONS;
          nothing is changed on your site.
        </p>
      </section>
      <h2>How it works</h2>
      <ol class="steps">
        <li>
          <strong>Paste a URL.</strong> Your page, its scripts and the APIs they call are fetched like a
          browser would.
        </li>
        <li>
          <strong>Watch it probe.</strong> Each family of checks runs in turn; findings appear as they are
          confirmed.
        </li>
        <li>
          <strong>Fix what it finds.</strong> Every finding has the request that proves it, a curl command,
          and the fix for your stack.
        </li>
      </ol>
      ${
        articles.length > 0
          ? html`<h2>What it checks</h2>
              <ul class="cards">
                ${articles.map(
                  (article) =>
                    html`<li class="card">
                      <h3><a href="/learn/${article.slug}">${article.title}</a></h3>
                      <p>${article.summary}</p>
                    </li>`,
                )}
              </ul>`
          : ""
      }`,
  });
}
