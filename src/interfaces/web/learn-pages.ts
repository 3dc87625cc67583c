import type { Article, ArticleSummary } from "../../learn/index.ts";
import { html, trusted, type SafeHtml } from "../../render/index.ts";
import { page } from "./layout.ts";
import { scanForm } from "./scan-form.ts";

function checkYourSite(id: string): SafeHtml {
  return html`<section class="cta" aria-labelledby="${id}-title">
    <h2 id="${id}-title">Check your site</h2>
    <p>Does your site have this problem? A scan takes under a minute and changes nothing.</p>
    ${scanForm({ id, button: "Check my site" })}
  </section>`;
}

export function learnIndexPage(options: { nonce: string; articles: readonly ArticleSummary[] }): SafeHtml {
  return page({
    title: "Learn · amihackable",
    description: "Plain explanations of the web security mistakes amihackable finds, and how to fix them.",
    nonce: options.nonce,
    section: "learn",
    body: html`<h1>Learn</h1>
      <p class="lead">
        What each finding means, how an attacker uses it, and the fix for your stack, in plain words.
      </p>
      <ul class="cards">
        ${options.articles.map(
          (article) =>
            html`<li class="card">
              <h3><a href="/learn/${article.slug}">${article.title}</a></h3>
              <p>${article.summary}</p>
            </li>`,
        )}
      </ul>
      ${checkYourSite("cta")}`,
  });
}

/** An article inside the site's frame. Its HTML comes from the Learn module, which renders it safely. */
export function learnArticlePage(options: { nonce: string; article: Article }): SafeHtml {
  const { article } = options;
  return page({
    title: `${article.title} · Learn · amihackable`,
    description: article.summary,
    nonce: options.nonce,
    section: "learn",
    body: html`<p class="breadcrumb"><a href="/learn">Learn</a> › ${article.title}</p>
      <div class="article-layout">
        <article class="article">
          <h1>${article.title}</h1>
          <p class="lead">${article.summary}</p>
          ${trusted(article.html)} ${checkYourSite("cta")}
        </article>
        ${
          article.headings.length > 0
            ? html`<aside aria-labelledby="toc-title">
                <strong id="toc-title">On this page</strong>
                <ol>
                  ${article.headings.map((heading) => html`<li><a href="#${heading.id}">${heading.text}</a></li>`)}
                </ol>
                <p><a class="button secondary" href="#cta">Check your site</a></p>
              </aside>`
            : ""
        }
      </div>`,
  });
}
