import { html, neutralise } from "../render/index.ts";

/** Accessible colours (white text passes WCAG AA on each), from best grade to worst. */
const GRADE_COLORS: Record<string, string> = {
  "A+": "#15803d",
  A: "#3f7d16",
  B: "#6b6b00",
  C: "#a15c00",
  D: "#c2410c",
  F: "#b91c1c",
};
const UNKNOWN_COLOR = "#4b5563";
const LABEL = "amihackable";
const MAX_GRADE_CHARS = 12;

/** Approximate advance widths of Verdana at 11px, enough to size the two halves of the badge. */
function textWidth(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (/[iljtfrI.,:;'!|]/.test(ch)) width += 3.9;
    else if (/[mwMW]/.test(ch)) width += 10.7;
    else if (/[A-Z+#@%&]/.test(ch)) width += 8.2;
    else if (/[\x20-\x7e]/.test(ch)) width += 6.8;
    else width += 11;
  }
  return Math.ceil(width);
}

/**
 * A shields-style badge, "amihackable | A+", coloured by grade. The grade may arrive from a URL, so it
 * is cut short, made visible (bidi and control characters) and escaped like any other hostile text.
 */
export function renderBadge(grade: string): string {
  const trimmed = grade.trim();
  const shown = neutralise(
    trimmed.length === 0
      ? "?"
      : trimmed.length > MAX_GRADE_CHARS
        ? `${trimmed.slice(0, MAX_GRADE_CHARS)}…`
        : trimmed,
  );
  const color = GRADE_COLORS[trimmed] ?? UNKNOWN_COLOR;
  const leftWidth = textWidth(LABEL) + 12;
  const rightWidth = textWidth(shown) + 12;
  const width = leftWidth + rightWidth;
  const label = `${LABEL}: ${shown}`;
  const leftX = leftWidth / 2;
  const rightX = leftWidth + rightWidth / 2;
  return html`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="20" viewBox="0 0 ${width} 20" role="img" aria-label="${label}">
<title>${label}</title>
<linearGradient id="amh-badge-shine" x2="0" y2="100%"><stop offset="0" stop-color="#bbb" stop-opacity=".1"/><stop offset="1" stop-opacity=".1"/></linearGradient>
<clipPath id="amh-badge-round"><rect width="${width}" height="20" rx="3" fill="#fff"/></clipPath>
<g clip-path="url(#amh-badge-round)">
<rect width="${leftWidth}" height="20" fill="#555"/>
<rect x="${leftWidth}" width="${rightWidth}" height="20" fill="${color}"/>
<rect width="${width}" height="20" fill="url(#amh-badge-shine)"/>
</g>
<g fill="#fff" text-anchor="middle" font-family="Verdana,Geneva,DejaVu Sans,sans-serif" font-size="11">
<text x="${leftX}" y="15" fill="#010101" fill-opacity=".3" aria-hidden="true">${LABEL}</text>
<text x="${leftX}" y="14">${LABEL}</text>
<text x="${rightX}" y="15" fill="#010101" fill-opacity=".3" aria-hidden="true">${shown}</text>
<text x="${rightX}" y="14">${shown}</text>
</g>
</svg>`.value;
}
