import { plural } from "../../core/index.ts";
import { clipped, html, type SafeHtml } from "../../render/index.ts";
import { scanLinks, type SinceLastScan } from "../api/index.ts";

/** Fixed findings listed by name at most; the API and the earlier report have the rest. */
const MAX_FIXED_SHOWN = 30;

/** "2026-12-04 14:03 UTC": the form the page's history list uses. */
function shortUtc(iso: string): string {
  return `${iso.replace("T", " ").slice(0, 16)} UTC`;
}

/**
 * The line near the top of a report that says what changed since an earlier scan of the same URL, linked
 * to it: how many findings are new (marked "new" in the list below) and fixed, the fixed ones listed by
 * title in a collapsed list (a details element: no script needed). Everything shown is escaped; finding
 * URLs came from the target.
 */
export function sinceLine(since: SinceLastScan | undefined): SafeHtml | "" {
  if (!since) return "";
  const { added, fixed, unchanged } = since.diff;
  const which = since.latest ? "Since the last scan" : "Since the last comparable scan";
  const counts =
    added.length === 0 && fixed.length === 0
      ? `nothing new, nothing fixed (${plural(unchanged.length, "finding")} as before)`
      : `${added.length} new, ${fixed.length} fixed`;
  const scope = since.sameChecks
    ? ""
    : html`<span class="muted"
        >, counting only the ${plural(since.checks.length, "check")} both scans ran</span
      >`;
  const shown = fixed.slice(0, MAX_FIXED_SHOWN);
  return html`<section class="since" aria-label="Changes since an earlier scan">
    <p>
      <strong>${which}</strong> (<a href="${scanLinks(since.previous.id).page}"
        >${shortUtc(since.previous.finishedAt)}</a
      >): <span data-since="counts">${counts}</span>${scope}.${
        added.length > 0
          ? html` <span class="muted">New findings are marked <span class="new-mark">new</span> below.</span>`
          : ""
      }
    </p>
    ${
      fixed.length > 0
        ? html`<details>
            <summary>Fixed since then (${fixed.length})</summary>
            <ul class="since-fixed">
              ${shown.map(
                (entry) =>
                  html`<li>
                    <span class="sev sev-${entry.severity}">${entry.severity}</span>
                    ${clipped(entry.title, 300)} <span class="muted">${clipped(entry.url, 300)}</span>
                  </li>`,
              )}
              ${
                fixed.length > shown.length
                  ? html`<li class="muted">
                      and ${fixed.length - shown.length} more (see the earlier report)
                    </li>`
                  : ""
              }
            </ul>
          </details>`
        : ""
    }
  </section>`;
}
