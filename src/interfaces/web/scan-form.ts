import { html, type SafeHtml } from "../../render/index.ts";

/**
 * The one form that starts a scan. A plain POST to /scan: it works without JavaScript, and the answer
 * is a redirect to the scan's own page. The field is text, not type=url, so "example.com" is accepted.
 */
export function scanForm(options: {
  id: string;
  value?: string;
  error?: string;
  label?: string;
  button?: string;
}): SafeHtml {
  const errorId = `${options.id}-error`;
  return html`<form class="scan-form" method="post" action="/scan">
      <div class="field">
        <label for="${options.id}">${options.label ?? "Your site's address"}</label>
        <input
          type="text"
          id="${options.id}"
          name="url"
          value="${options.value ?? ""}"
          placeholder="https://your-site.example"
          required
          maxlength="2048"
          autocomplete="url"
          inputmode="url"
          spellcheck="false"
          autocapitalize="off"
          ${options.error ? html`aria-invalid="true" aria-describedby="${errorId}"` : ""}
        />
      </div>
      <button class="button" type="submit">${options.button ?? "Scan"}</button>
    </form>
    ${options.error ? html`<p class="error-box" id="${errorId}" role="alert"><strong>Cannot scan this:</strong> ${options.error}</p>` : ""}`;
}
