import { SEVERITY_COLORS } from "./severity-chart.ts";

/**
 * Styles for the report, scoped to .amh-report so the fragment can sit in any page. No url(), no
 * @import, no web fonts: the report must look right offline and under `default-src 'none'`.
 * Long hostile lines wrap (overflow-wrap:anywhere) and code blocks scroll inside a bounded box.
 */
export const REPORT_CSS = `
.amh-report {
  --amh-fg: #1f2328; --amh-muted: #59636e; --amh-bg: #ffffff; --amh-panel: #f6f8fa; --amh-border: #d1d9e0;
  --amh-link: #0550ae; --amh-code-bg: #f1f3f5;
  --amh-critical: ${SEVERITY_COLORS.critical}; --amh-high: ${SEVERITY_COLORS.high};
  --amh-medium: ${SEVERITY_COLORS.medium}; --amh-low: ${SEVERITY_COLORS.low}; --amh-info: ${SEVERITY_COLORS.info};
  color: var(--amh-fg); background: var(--amh-bg);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  overflow-wrap: anywhere; max-width: 72rem; margin: 0 auto;
}
@media (prefers-color-scheme: dark) {
  .amh-report {
    --amh-fg: #e6edf3; --amh-muted: #9198a1; --amh-bg: #0d1117; --amh-panel: #161b22; --amh-border: #3d444d;
    --amh-link: #71b7ff; --amh-code-bg: #1c2128;
  }
}
.amh-report *, .amh-report *::before, .amh-report *::after { box-sizing: border-box; }
.amh-report a { color: var(--amh-link); }
.amh-report code, .amh-report pre { font: 0.875em/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.amh-report code { background: var(--amh-code-bg); padding: 0.1em 0.3em; border-radius: 4px; }
.amh-report pre, .amh-report .amh-pre {
  background: var(--amh-code-bg); border: 1px solid var(--amh-border); border-radius: 6px; padding: 0.75rem;
  white-space: pre-wrap; overflow-wrap: anywhere; word-break: break-word; max-height: 24rem; overflow: auto;
  margin: 0.5rem 0;
}
.amh-report pre code { background: none; padding: 0; font-size: 1em; }
.amh-report h2, .amh-report h3, .amh-report h4, .amh-report h5 { line-height: 1.25; margin: 1.25em 0 0.5em; }
.amh-report .amh-muted, .amh-report .amh-meta { color: var(--amh-muted); }
.amh-report .amh-head h2 { margin-top: 0; }
.amh-report .amh-head p { margin: 0.25rem 0; }
.amh-report .amh-glance {
  display: flex; flex-wrap: wrap; gap: 1.25rem; align-items: center; padding: 1rem;
  background: var(--amh-panel); border: 1px solid var(--amh-border); border-radius: 10px; margin: 1rem 0;
}
.amh-report .amh-grade {
  font-size: 2.75rem; font-weight: 800; line-height: 1; min-width: 5.5rem; text-align: center;
  padding: 0.9rem 0.6rem; border-radius: 10px; color: #fff; background: var(--amh-info);
}
.amh-report .amh-grade-aplus { background: #15803d; }
.amh-report .amh-grade-a { background: #3f7d16; }
.amh-report .amh-grade-b { background: #6b6b00; }
.amh-report .amh-grade-c { background: #a15c00; }
.amh-report .amh-grade-d { background: #c2410c; }
.amh-report .amh-grade-f { background: #b91c1c; }
.amh-report .amh-grade small { display: block; font-size: 0.75rem; font-weight: 600; margin-top: 0.35rem; }
.amh-report .amh-totals { flex: 1 1 18rem; min-width: 0; }
.amh-report .amh-totals p { margin: 0 0 0.5rem; }
.amh-report .amh-bar { max-width: 100%; height: auto; border-radius: 4px; display: block; }
.amh-report .amh-legend { list-style: none; display: flex; flex-wrap: wrap; gap: 0.4rem 1rem; padding: 0; margin: 0.6rem 0 0; }
.amh-report .amh-legend li { display: flex; align-items: center; gap: 0.35rem; }
.amh-report .amh-dot { display: inline-block; width: 0.75rem; height: 0.75rem; border-radius: 50%; }
.amh-report .amh-first {
  padding: 0.75rem 1rem; border: 1px solid var(--amh-border); border-radius: 10px; margin: 1rem 0;
}
.amh-report .amh-first h3 { margin-top: 0; }
.amh-report .amh-first ol { margin: 0; padding-left: 1.25rem; }
.amh-report .amh-first li { margin: 0.4rem 0; overflow-wrap: anywhere; }
.amh-report .amh-pill {
  display: inline-block; color: #fff; font-size: 0.75rem; font-weight: 700; letter-spacing: 0.02em;
  text-transform: uppercase; padding: 0.1rem 0.5rem; border-radius: 999px; vertical-align: middle;
}
${(["critical", "high", "medium", "low", "info"] as const)
  .map(
    (s) =>
      `.amh-report .amh-sev-${s} .amh-pill, .amh-report .amh-dot-${s} { background: var(--amh-${s}); }\n` +
      `.amh-report .amh-finding.amh-sev-${s} { border-left-color: var(--amh-${s}); }`,
  )
  .join("\n")}
.amh-report .amh-issues { background: var(--amh-panel); border: 1px solid var(--amh-border); border-radius: 6px; padding: 0.5rem 0.75rem 0.5rem 2rem; }
.amh-report .amh-failure { border-left: 4px solid var(--amh-high); padding: 0.5rem 1rem; background: var(--amh-panel); }
.amh-report .amh-finding {
  border: 1px solid var(--amh-border); border-left: 6px solid var(--amh-info); border-radius: 8px;
  padding: 0.75rem 1rem 1rem; margin: 1rem 0; background: var(--amh-bg);
}
.amh-report .amh-finding h4 { margin: 0.25rem 0 0.5rem; font-size: 1.15rem; }
.amh-report .amh-new {
  display: inline-block; font-size: 0.7rem; font-weight: 700; letter-spacing: 0.03em; text-transform: uppercase;
  padding: 0.05rem 0.45rem; border-radius: 999px; vertical-align: middle; background: var(--amh-fg); color: var(--amh-bg);
}
.amh-report .amh-finding h5 { margin: 1rem 0 0.35rem; font-size: 0.95rem; }
.amh-report .amh-meta { font-size: 0.875rem; display: flex; flex-wrap: wrap; gap: 0.25rem 0.75rem; align-items: center; margin: 0; }
.amh-report .amh-summary { font-weight: 600; }
.amh-report .amh-urls { padding-left: 1.25rem; margin: 0.25rem 0; }
.amh-report details { border: 1px solid var(--amh-border); border-radius: 6px; margin: 0.5rem 0; background: var(--amh-panel); }
.amh-report details > summary { cursor: pointer; padding: 0.45rem 0.75rem; font-weight: 600; }
.amh-report details > :not(summary) { margin-left: 0.75rem; margin-right: 0.75rem; }
.amh-report details[open] > summary { border-bottom: 1px solid var(--amh-border); }
.amh-report .amh-detected { font-size: 0.75rem; font-weight: 600; color: var(--amh-muted); margin-left: 0.4rem; }
.amh-report figure { margin: 0.5rem 0; }
.amh-report figcaption { font-size: 0.8rem; font-weight: 600; color: var(--amh-muted); }
.amh-report .amh-hint { font-size: 0.875rem; color: var(--amh-muted); }
.amh-report .amh-md table { border-collapse: collapse; display: block; overflow-x: auto; }
.amh-report .amh-md th, .amh-report .amh-md td { border: 1px solid var(--amh-border); padding: 0.25rem 0.5rem; }
.amh-report dl.amh-details { display: grid; grid-template-columns: max-content 1fr; gap: 0.15rem 0.75rem; font-size: 0.875rem; }
.amh-report dl.amh-details dt { font-weight: 600; }
.amh-report dl.amh-details dd { margin: 0; min-width: 0; }
.amh-report .amh-ctl { color: var(--amh-high); }
@media print {
  .amh-report pre, .amh-report .amh-pre { max-height: none; overflow: visible; }
  .amh-report .amh-finding { break-inside: avoid-page; }
}
`;
