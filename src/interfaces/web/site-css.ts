/**
 * The site's own styles, inlined into each page under the response's nonce: one request per page, no
 * web fonts, no url(). The report fragment brings its own scoped styles (REPORT_CSS); these cover the
 * frame around it. Light and dark follow the visitor's setting; focus is always visible.
 */
export const SITE_CSS = `
:root {
  --fg: #1f2328; --muted: #59636e; --bg: #ffffff; --panel: #f6f8fa; --border: #d1d9e0;
  --accent: #4338ca; --accent-fg: #ffffff; --accent-soft: #eef2ff; --link: #0550ae; --focus: #f59e0b;
  --danger: #b91c1c; --ok: #15803d; --head-bg: #0f172a; --head-fg: #e2e8f0;
  color-scheme: light dark;
}
@media (prefers-color-scheme: dark) {
  :root {
    --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #161b22; --border: #3d444d;
    --accent: #818cf8; --accent-fg: #0d1117; --accent-soft: #1e1b4b; --link: #71b7ff; --danger: #f87171; --ok: #4ade80;
    --head-bg: #010409; --head-fg: #e6edf3;
  }
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--fg); background: var(--bg);
  font: 16px/1.6 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  overflow-wrap: anywhere; display: flex; flex-direction: column; min-height: 100vh;
}
a { color: var(--link); }
a:hover { text-decoration-thickness: 2px; }
:focus-visible { outline: 3px solid var(--focus); outline-offset: 2px; border-radius: 3px; }
.wrap { width: 100%; max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.skip { position: absolute; left: -999px; top: 0; background: var(--bg); padding: 0.5rem 1rem; z-index: 10; }
.skip:focus { left: 1rem; top: 0.5rem; }
header.site { background: var(--head-bg); color: var(--head-fg); }
header.site .wrap { display: flex; flex-wrap: wrap; align-items: center; justify-content: space-between; gap: 0.5rem 1.5rem; padding-top: 0.8rem; padding-bottom: 0.8rem; }
.brand { color: var(--head-fg); text-decoration: none; font-weight: 800; font-size: 1.2rem; letter-spacing: -0.01em; display: inline-flex; align-items: center; gap: 0.5rem; }
.brand-mark { display: inline-block; width: 1.6rem; height: 1.6rem; border-radius: 6px; background: var(--accent); color: #fff; font-size: 0.95rem; line-height: 1.6rem; text-align: center; }
nav.main { display: flex; gap: 1.25rem; }
nav.main a { color: var(--head-fg); text-decoration: none; font-weight: 600; padding: 0.2rem 0; border-bottom: 2px solid transparent; }
nav.main a:hover, nav.main a[aria-current="page"] { border-bottom-color: var(--accent); }
main.wrap { flex: 1; padding-top: 2rem; padding-bottom: 3rem; }
footer.site { border-top: 1px solid var(--border); color: var(--muted); font-size: 0.9rem; }
footer.site .wrap { padding-top: 1.25rem; padding-bottom: 1.5rem; }
footer.site p { margin: 0.25rem 0; }
h1 { font-size: clamp(1.8rem, 4.5vw, 2.8rem); line-height: 1.15; letter-spacing: -0.02em; margin: 0 0 0.75rem; }
h2 { font-size: 1.4rem; line-height: 1.3; margin: 2rem 0 0.75rem; }
.lead { font-size: 1.15rem; color: var(--muted); max-width: 44rem; margin: 0 0 1.5rem; }
.muted { color: var(--muted); }
.hero { padding: 1.5rem 0 1rem; }
.scan-form { display: flex; flex-wrap: wrap; gap: 0.75rem; align-items: flex-end; max-width: 44rem; }
.scan-form .field { flex: 1 1 18rem; display: flex; flex-direction: column; gap: 0.35rem; min-width: 0; }
.scan-form label { font-weight: 600; }
input[type="text"], input[type="url"] {
  font: inherit; font-size: 1.1rem; padding: 0.7rem 0.85rem; border: 2px solid var(--border); border-radius: 8px;
  background: var(--bg); color: var(--fg); width: 100%;
}
input[type="text"]:focus-visible { border-color: var(--accent); }
input[aria-invalid="true"] { border-color: var(--danger); }
.button {
  font: inherit; font-size: 1.1rem; font-weight: 700; padding: 0.75rem 1.6rem; border-radius: 8px; border: 2px solid var(--accent);
  background: var(--accent); color: var(--accent-fg); cursor: pointer; text-decoration: none; display: inline-block;
}
.button:hover { filter: brightness(1.1); }
.button.secondary { background: transparent; color: var(--accent); font-size: 1rem; padding: 0.5rem 1rem; }
.hint { font-size: 0.9rem; color: var(--muted); margin: 0.75rem 0 0; max-width: 44rem; }
.error-box { border: 2px solid var(--danger); border-radius: 8px; padding: 0.75rem 1rem; margin: 0 0 1rem; max-width: 44rem; }
.error-box strong { color: var(--danger); }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(15rem, 1fr)); gap: 1rem; padding: 0; list-style: none; margin: 1rem 0; }
.card { border: 1px solid var(--border); border-radius: 10px; padding: 1rem 1.1rem; background: var(--panel); }
.card h3 { margin: 0 0 0.35rem; font-size: 1.05rem; }
.card h3 a { text-decoration: none; }
.card h3 a:hover { text-decoration: underline; }
.card p { margin: 0; color: var(--muted); font-size: 0.95rem; }
.steps { display: grid; grid-template-columns: repeat(auto-fit, minmax(14rem, 1fr)); gap: 1rem; counter-reset: step; padding: 0; list-style: none; }
.steps li { counter-increment: step; padding-left: 2.4rem; position: relative; }
.steps li::before { content: counter(step); position: absolute; left: 0; top: 0; width: 1.8rem; height: 1.8rem; border-radius: 50%; background: var(--accent-soft); color: var(--accent); font-weight: 800; text-align: center; line-height: 1.8rem; }
.panel { border: 1px solid var(--border); border-radius: 10px; padding: 1.25rem; background: var(--panel); margin: 1rem 0; }
.live-status { font-size: 1.2rem; font-weight: 700; margin: 0 0 0.5rem; }
progress { width: 100%; height: 0.9rem; accent-color: var(--accent); }
.facts { display: flex; flex-wrap: wrap; gap: 0.5rem 2rem; margin: 0.75rem 0 0; padding: 0; list-style: none; }
.facts dt { color: var(--muted); font-size: 0.85rem; }
.facts dd { margin: 0; font-weight: 600; }
.steps-live { list-style: none; padding: 0; margin: 1rem 0 0; display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.4rem 1.5rem; }
.steps-live li { display: flex; gap: 0.5rem; align-items: baseline; color: var(--muted); }
.steps-live li::before { content: "○"; font-weight: 700; width: 1rem; text-align: center; flex: none; }
.steps-live li[data-state="running"] { color: var(--fg); font-weight: 700; }
.steps-live li[data-state="running"]::before { content: "●"; color: var(--accent); }
.steps-live li[data-state="done"] { color: var(--fg); }
.steps-live li[data-state="done"]::before { content: "✓"; color: var(--ok); }
.live-findings { padding-left: 0; list-style: none; margin: 0.5rem 0 0; }
.live-findings li { padding: 0.3rem 0; border-top: 1px solid var(--border); }
.sev { display: inline-block; min-width: 4.5rem; text-align: center; border-radius: 999px; font-size: 0.75rem; font-weight: 700; padding: 0.1rem 0.5rem; color: #fff; background: #59636e; text-transform: uppercase; letter-spacing: 0.03em; }
.sev-critical { background: #8b0000; } .sev-high { background: #c2410c; } .sev-medium { background: #9a6700; } .sev-low { background: #0550ae; }
.toolbar { display: flex; flex-wrap: wrap; gap: 0.75rem 1.5rem; align-items: center; margin: 0 0 1.5rem; }
.toolbar form { margin: 0; }
.downloads { display: flex; flex-wrap: wrap; gap: 0.5rem; align-items: center; }
.downloads a { border: 1px solid var(--border); border-radius: 6px; padding: 0.3rem 0.7rem; text-decoration: none; font-weight: 600; font-size: 0.95rem; }
details.share { margin: 0 0 1.5rem; }
details.share summary { cursor: pointer; font-weight: 600; }
details.share textarea { width: 100%; font: 0.85rem/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; color: var(--fg); resize: vertical; }
details.share textarea { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 0.6rem; white-space: pre-wrap; overflow-wrap: anywhere; font-size: 0.85rem; }
.history { padding-left: 1.2rem; }
.since { margin: 0 0 1.5rem; }
.since p { margin: 0 0 0.35rem; }
.since details summary { cursor: pointer; font-weight: 600; }
.since-fixed { padding-left: 1.2rem; margin: 0.35rem 0 0; }
.since-fixed li { margin: 0.25rem 0; overflow-wrap: anywhere; }
.new-mark { display: inline-block; font-size: 0.7rem; font-weight: 700; text-transform: uppercase; padding: 0.05rem 0.45rem; border-radius: 999px; background: var(--fg); color: var(--bg); }
.article-layout { display: grid; grid-template-columns: minmax(0, 1fr) 16rem; gap: 2.5rem; align-items: start; }
.article-layout aside { position: sticky; top: 1rem; }
.article-layout aside ol { padding-left: 1.2rem; margin: 0.5rem 0 0; font-size: 0.95rem; }
.article { max-width: 46rem; }
.article pre { background: var(--panel); border: 1px solid var(--border); border-radius: 6px; padding: 0.75rem; overflow: auto; }
.article code { font: 0.9em/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
.article :not(pre) > code { background: var(--panel); padding: 0.1em 0.3em; border-radius: 4px; }
.article table { border-collapse: collapse; display: block; overflow-x: auto; }
.article th, .article td { border: 1px solid var(--border); padding: 0.35rem 0.6rem; text-align: left; }
.cta { border: 2px solid var(--accent); border-radius: 12px; padding: 1.25rem; background: var(--accent-soft); margin: 2rem 0; }
.cta h2 { margin-top: 0; font-size: 1.2rem; }
.breadcrumb { font-size: 0.9rem; color: var(--muted); margin: 0 0 0.5rem; }
@media (max-width: 48rem) {
  .article-layout { grid-template-columns: minmax(0, 1fr); }
  .article-layout aside { position: static; order: -1; }
  .button { width: 100%; }
  .toolbar form, .toolbar .button { width: 100%; }
  main.wrap { padding-top: 1.25rem; }
}
@media (prefers-reduced-motion: reduce) { * { scroll-behavior: auto !important; } }
@media print { header.site, footer.site, .toolbar, .scan-form, details.share { display: none; } }
`;
