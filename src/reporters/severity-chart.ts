import { SEVERITIES, type Severity } from "../core/index.ts";
import { html, type SafeHtml } from "../render/index.ts";

/** One palette for the chart, the pills and the headings; each passes WCAG AA against white text. */
export const SEVERITY_COLORS: Record<Severity, string> = {
  critical: "#a61b1b",
  high: "#c2410c",
  medium: "#a16207",
  low: "#1d4ed8",
  info: "#4b5563",
};

export const SEVERITY_LABELS: Record<Severity, string> = {
  critical: "Critical",
  high: "High",
  medium: "Medium",
  low: "Low",
  info: "Info",
};

const WIDTH = 320;
const HEIGHT = 16;

/** A count from a report: hostile like the rest, so only whole, non-negative, finite numbers count. */
export function safeCount(value: unknown): number {
  return typeof value === "number" && Number.isSafeInteger(value) && value > 0 ? value : 0;
}

/**
 * The findings at a glance: one horizontal bar split by severity, most severe first. Colours are SVG
 * attributes, not style attributes, so the chart renders under a strict CSP and without any stylesheet.
 */
export function severityBarHtml(bySeverity: Partial<Record<Severity, unknown>>): SafeHtml {
  const order = [...SEVERITIES].reverse();
  const counts = order.map((severity) => [severity, safeCount(bySeverity[severity])] as const);
  const total = counts.reduce((sum, [, count]) => sum + count, 0);
  const label =
    total === 0
      ? "No findings"
      : counts
          .filter(([, count]) => count > 0)
          .map(([severity, count]) => `${count} ${severity}`)
          .join(", ");
  const bands: SafeHtml[] = [];
  if (total === 0) {
    bands.push(
      html`<rect width="${WIDTH}" height="${HEIGHT}" fill="#15803d"><title>No findings</title></rect>`,
    );
  } else {
    const present = counts.filter(([, count]) => count > 0);
    let x = 0;
    for (const [index, [severity, count]] of present.entries()) {
      // Every band stays at least 4px wide so a single low finding among many is still seen; the last
      // band takes what is left so rounding never leaves a gap.
      const last = index === present.length - 1;
      const width = last ? WIDTH - x : Math.max(4, Math.round((count / total) * WIDTH));
      const clipped = Math.min(width, WIDTH - x);
      if (clipped <= 0) break;
      bands.push(
        html`<rect x="${x}" width="${clipped}" height="${HEIGHT}" fill="${SEVERITY_COLORS[severity]}"><title>${count} ${severity}</title></rect>`,
      );
      x += clipped;
    }
  }
  return html`<svg class="amh-bar" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="${WIDTH}" height="${HEIGHT}" role="img" aria-label="${label}"><title>${label}</title>${bands}</svg>`;
}

/** The bar as a string, for callers outside the template. */
export function severityBar(bySeverity: Partial<Record<Severity, unknown>>): string {
  return severityBarHtml(bySeverity).value;
}
