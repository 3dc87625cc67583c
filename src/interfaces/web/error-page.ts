import { html, type SafeHtml } from "../../render/index.ts";
import { page } from "./layout.ts";

/** A page for errors a visitor meets in the browser (unknown address, too many scans, ...). */
export function errorPage(options: {
  nonce: string;
  status: number;
  title: string;
  message: string;
}): SafeHtml {
  return page({
    title: `${options.title} · amihackable`,
    nonce: options.nonce,
    noindex: true,
    body: html`<h1>${options.title}</h1>
      <p class="lead">${options.message}</p>
      <p><a class="button" href="/">Scan a site</a></p>`,
  });
}
