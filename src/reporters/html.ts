import {
  type Evidence,
  type Finding,
  findingFingerprint,
  type Reference,
  SEVERITIES,
  isSeverity,
  plural,
  type Severity,
  STACK_LABELS,
  STACKS,
  type Stack,
} from "../core/index.ts";
import type { Report } from "../engine/index.ts";
import {
  clip,
  clipped,
  html,
  join,
  markdownHtml,
  safeArticleHref,
  safeHttpHref,
  trusted,
  type Interpolation,
  type SafeHtml,
} from "../render/index.ts";
import { fixEffort, fixFirst } from "./fix-effort.ts";
import { REPORT_CSS } from "./report-css.ts";
import { INFORMATION_URI } from "./sarif.ts";
import { SEVERITY_LABELS, safeCount, severityBarHtml } from "./severity-chart.ts";

export { REPORT_CSS };

// Markup here is written as it should come out: Prettier leaves these templates alone (see
// .prettierrc.json), because whitespace inside <pre> and between elements is part of the output.

export interface HtmlReportOptions {
  /** CSP nonce for the one <style> element; without it the standalone file allows inline styles only. */
  nonce?: string;
  /** Where Learn articles live, e.g. "https://example.org/learn/"; default: the articles on GitHub. */
  learnBase?: string;
  /** Fingerprints of the findings an earlier report (`--baseline`) did not have: marked "new". */
  newFindings?: ReadonlySet<string>;
}

export interface ReportSectionOptions {
  /** When given, the fragment carries its own `<style nonce>` with REPORT_CSS; otherwise the page must. */
  nonce?: string;
  /** Prefix for Learn links: `${learnBase}${slug}#${anchor}`; default "/learn/". */
  learnBase?: string;
  /** Fingerprints of the findings an earlier scan did not have: each is marked "new" in the list. */
  newFindings?: ReadonlySet<string>;
}

/**
 * Caps on what one report may put on a page. Reports are bounded by the engine, but a report can also be
 * read back from JSON someone else wrote, so the renderer bounds it again.
 */
const LIMITS = {
  findings: 500,
  urls: 50,
  evidence: 5,
  headers: 40,
  headerValue: 1_000,
  url: 2_000,
  text: 4_000,
  body: 20_000,
  fix: 20_000,
  poc: 50_000,
  prompt: 50_000,
  references: 12,
  details: 20,
  issues: 50,
  stacks: STACKS.length,
} as const;

const GRADE_CLASS: Record<string, string> = {
  "A+": "aplus",
  A: "a",
  B: "b",
  C: "c",
  D: "d",
  F: "f",
};
const CVSS_VECTOR = /^CVSS:3\.1\/AV:[NALP]\/AC:[LH]\/PR:[NLH]\/UI:[NR]\/S:[UC]\/C:[NLH]\/I:[NLH]\/A:[NLH]$/;
const LEARN_REF = /^([a-z0-9]+(?:-[a-z0-9]+)*)(?:#([a-z0-9]+(?:-[a-z0-9]+)*))?$/;
const NONCE = /^[A-Za-z0-9+/_=-]{8,200}$/;
/** The standalone file may be opened anywhere, offline or not: its Learn links point at the repository. */
const STANDALONE_LEARN = `${INFORMATION_URI}/blob/main/learn/`;

/** Hostile text (a string or a number from the report), bounded, neutralised and escaped. */
function text(value: unknown, max: number = LIMITS.text): SafeHtml {
  const string = typeof value === "string" ? value : typeof value === "number" ? String(value) : "";
  return clipped(string, max);
}

/** A URL from the report: a link when it is http(s), plain text otherwise. */
function urlLink(value: string, label?: string): SafeHtml {
  const shown = text(label ?? value, LIMITS.url);
  const href = value.length <= LIMITS.url ? safeHttpHref(value) : undefined;
  return href ? html`<a href="${href}" rel="noopener noreferrer nofollow">${shown}</a>` : shown;
}

/** Lines of markup, one per item, skipping the empty ones. */
function lines(...items: Interpolation[]): SafeHtml {
  return join(items, "\n");
}

function checkNonce(nonce: string | undefined): string | undefined {
  if (nonce === undefined) return undefined;
  if (!NONCE.test(nonce)) throw new TypeError("a CSP nonce must be 8-200 base64 characters");
  return nonce;
}

/** `css` is ours (REPORT_CSS and constants), never text from a report. */
function styleElement(nonce: string | undefined, css: string): SafeHtml {
  return html`<style${nonce ? html` nonce="${nonce}"` : ""}>${trusted(css)}</style>`;
}

function hostOf(value: string): string {
  try {
    return new URL(value).host;
  } catch {
    return value;
  }
}

function severityOf(finding: Finding): Severity {
  return typeof finding.severity === "string" && isSeverity(finding.severity) ? finding.severity : "info";
}

const DOCUMENT_CSS = `${REPORT_CSS}
body { margin: 0; padding: 1.5rem 1rem 3rem; }
.amh-doc-footer { max-width: 72rem; margin: 2rem auto 0; font: 0.85rem/1.5 system-ui, sans-serif; color: #59636e; }`;

/**
 * The report as one self-contained HTML file to download and keep: inline styles, no scripts, nothing
 * fetched (its own CSP says so), readable offline and printable.
 */
export function renderHtml(report: Report, options: HtmlReportOptions = {}): string {
  const nonce = checkNonce(options.nonce);
  const styleSource = nonce ? html`'nonce-${nonce}'` : html`'unsafe-inline'`;
  const target = typeof report.target?.url === "string" ? report.target.url : "";
  const body = reportSection(report, {
    learnBase: options.learnBase ?? STANDALONE_LEARN,
    ...(options.newFindings ? { newFindings: options.newFindings } : {}),
  });
  return html`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${styleSource}; img-src data:; base-uri 'none'; form-action 'none'">
<meta name="referrer" content="no-referrer">
<meta name="robots" content="noindex, nofollow">
<title>amihackable report: ${text(hostOf(target), 300)}</title>
${styleElement(nonce, DOCUMENT_CSS)}
</head>
<body>
<main>
${body}
</main>
<footer class="amh-doc-footer">
<p>Generated by amihackable ${text(report.scanner?.version, 40)}. This file has no scripts and loads nothing from the network. <a href="${INFORMATION_URI}" rel="noopener noreferrer">amihackable on GitHub</a></p>
</footer>
</body>
</html>
`.value;
}

/** The report as an HTML fragment for a web page: everything escaped, no scripts, no inline styles. */
export function renderReportSection(report: Report, options: ReportSectionOptions = {}): string {
  return reportSection(report, options).value;
}

/** The same fragment as markup, for pages built with the template. */
export function reportSection(report: Report, options: ReportSectionOptions = {}): SafeHtml {
  const nonce = checkNonce(options.nonce);
  const learnBase = options.learnBase ?? "/learn/";
  const style = nonce ? styleElement(nonce, REPORT_CSS) : "";
  if (report.outcome === "unreachable")
    return lines(
      style,
      html`<section class="amh-report" aria-labelledby="amh-report-title">`,
      renderHead(report),
      html`<p class="amh-failure" role="alert"><strong>Could not scan:</strong> ${text(report.failure ?? "the target could not be reached")}</p>`,
      renderIssues(report),
      html`</section>`,
    );

  const findings = Array.isArray(report.findings) ? report.findings.slice(0, LIMITS.findings) : [];
  const hidden = Array.isArray(report.findings) ? report.findings.length - findings.length : 0;
  const stacks = detectedStacks(report);
  // Findings are numbered in the order they are shown (by severity), so the summary can link to each.
  const shown = [...SEVERITIES]
    .reverse()
    .flatMap((severity) => findings.filter((f) => severityOf(f) === severity));
  const numbers = new Map(shown.map((finding, i) => [finding, i + 1]));
  const evidenceSeen = new Map<string, number>();
  const isNew = (finding: Finding) =>
    options.newFindings !== undefined &&
    options.newFindings.size > 0 &&
    options.newFindings.has(findingFingerprint({ id: String(finding.id), url: String(finding.url) }));
  const groups = [...SEVERITIES].reverse().map((severity) => {
    const group = findings.filter((finding) => severityOf(finding) === severity);
    if (group.length === 0) return "";
    const articles = group.map((finding) =>
      renderFinding(
        finding,
        numbers.get(finding) ?? 0,
        severity,
        stacks,
        learnBase,
        evidenceSeen,
        isNew(finding),
      ),
    );
    return html`<section class="amh-group amh-sev-${severity}" aria-label="${SEVERITY_LABELS[severity]} findings">
<h3>${SEVERITY_LABELS[severity]} <span class="amh-muted">(${group.length})</span></h3>
${join(articles, "\n")}
</section>`;
  });
  return lines(
    style,
    html`<section class="amh-report" aria-labelledby="amh-report-title">`,
    renderHead(report),
    renderGlance(report),
    renderFixFirst(shown, numbers, stacks),
    renderIssues(report),
    ...groups,
    findings.length === 0 &&
      html`<p class="amh-none">No findings: nothing this scan checks for was wrong.</p>`,
    hidden > 0 &&
      html`<p class="amh-muted">${plural(hidden, "more finding")} not shown here; see the JSON report.</p>`,
    renderAccepted(report),
    html`</section>`,
  );
}

/** Findings the project accepted (ignore entries), each with the reason given: listed, never hidden. */
function renderAccepted(report: Report): SafeHtml | "" {
  const accepted = Array.isArray(report.suppressed) ? report.suppressed.slice(0, LIMITS.findings) : [];
  if (accepted.length === 0) return "";
  const items = accepted.map(
    (finding) =>
      html`<li><strong>${text(finding.title)}</strong> <code>${text(finding.id, 120)}</code> ${urlLink(String(finding.url))}<br>Reason: ${text(finding.reason)}${finding.expires ? html` (until ${text(finding.expires, 10)})` : ""}</li>`,
  );
  return html`<details class="amh-notes amh-accepted"><summary>Accepted by ignore entries (${accepted.length}), not counted</summary><ul class="amh-issues">${items}</ul></details>`;
}

function renderHead(report: Report): SafeHtml {
  const target = report.target ?? { input: "", url: "" };
  const facts: Interpolation[] = [
    html`Scanned ${text(report.startedAt, 40)}`,
    `${(safeCount(report.durationMs) / 1000).toFixed(1)} s`,
    plural(safeCount(report.requests?.sent), "request"),
    report.outcome === "partial" && "partial scan (see notes)",
  ];
  const stacks = detectedStacks(report);
  return lines(
    html`<header class="amh-head">`,
    html`<h2 id="amh-report-title">Security report for ${urlLink(String(target.url ?? ""))}</h2>`,
    target.finalUrl &&
      target.finalUrl !== target.url &&
      html`<p class="amh-muted">Redirected to ${urlLink(String(target.finalUrl))}</p>`,
    html`<p class="amh-muted">${join(facts, " · ")}</p>`,
    stacks.length > 0 &&
      html`<p class="amh-muted">Looks like: ${join(
        stacks.map((stack) => STACK_LABELS[stack]),
        ", ",
      )}</p>`,
    html`</header>`,
  );
}

function renderGlance(report: Report): SafeHtml {
  const bySeverity = report.summary?.bySeverity ?? {};
  const grade = typeof report.summary?.grade === "string" ? report.summary.grade : "?";
  const gradeClass = GRADE_CLASS[grade] ? ` amh-grade-${GRADE_CLASS[grade]}` : "";
  const withheld =
    typeof report.summary?.gradeWithheld === "string" ? report.summary.gradeWithheld : undefined;
  const total = SEVERITIES.reduce((sum, severity) => sum + safeCount(bySeverity[severity]), 0);
  const highest = SEVERITIES.filter((severity) => safeCount(bySeverity[severity]) > 0).at(-1);
  const headline =
    total === 0
      ? "No findings."
      : `${total} finding${total === 1 ? "" : "s"}; the most serious is ${SEVERITY_LABELS[highest ?? "info"].toLowerCase()}.`;
  const legend = [...SEVERITIES]
    .reverse()
    .map(
      (severity) =>
        html`<li><span class="amh-dot amh-dot-${severity}" aria-hidden="true"></span>${safeCount(bySeverity[severity])} ${severity}</li>`,
    );
  return html`<div class="amh-glance">
<div class="amh-grade${gradeClass}" role="img" aria-label="Grade ${text(grade, 12)}">${text(grade, 12)}<small>${withheld ? "no grade" : "grade"}</small></div>
<div class="amh-totals">
<p><strong>${headline}</strong></p>
${withheld && html`<p class="amh-muted">${text(withheld, 600)}</p>`}
${severityBarHtml(bySeverity)}
<ul class="amh-legend">${legend}</ul>
</div>
</div>`;
}

function renderIssues(report: Report): SafeHtml | "" {
  const issues = Array.isArray(report.issues) ? report.issues.slice(0, LIMITS.issues) : [];
  if (issues.length === 0) return "";
  const items = issues.map(
    (issue) =>
      html`<li>${text(issue.message)}${issue.url ? html` (${urlLink(String(issue.url))})` : ""}</li>`,
  );
  return html`<details class="amh-notes"><summary>Notes about this scan (${issues.length})</summary><ul class="amh-issues">${items}</ul></details>`;
}

function detectedStacks(report: Report): Stack[] {
  const detected = Array.isArray(report.detectedStack) ? report.detectedStack : [];
  return detected.filter((s, i): s is Stack => STACKS.includes(s) && detected.indexOf(s) === i);
}

/** How many findings the summary names: enough to start on, few enough to read at a glance. */
const FIX_FIRST = 5;

/**
 * "Fix these first": the most severe findings, the least work first within a severity, each on one line
 * with the gist of its fix for the detected stack (its first sentence) and a link to the finding.
 */
function renderFixFirst(
  shown: readonly Finding[],
  numbers: ReadonlyMap<Finding, number>,
  stacks: readonly Stack[],
): SafeHtml | "" {
  const first = fixFirst(
    shown.map((finding) => ({ finding, id: String(finding.id), severity: severityOf(finding) })),
    FIX_FIRST,
  );
  if (first.length === 0) return "";
  const items = first.map(({ finding, id, severity }) => {
    const [stack, markdown] = orderedFixes(finding, stacks)[0] ?? [];
    const gist = markdown === undefined ? undefined : fixGist(markdown);
    const label =
      stack && STACKS.includes(stack as Stack) ? STACK_LABELS[stack as Stack] : text(stack ?? "", 60);
    return html`<li class="amh-sev-${severity}"><span class="amh-pill">${SEVERITY_LABELS[severity]}</span> <a href="#amh-finding-${numbers.get(finding) ?? 0}">${text(finding.title, 300)}</a> <span class="amh-muted">(${fixEffort(id)} effort)</span>${gist ? html`<br><span class="amh-muted">${label}:</span> ${gist.code ? html`<code>${text(gist.text, 200)}</code>` : text(gist.text, 200)}` : ""}</li>`;
  });
  return html`<section class="amh-first" aria-labelledby="amh-first-title"><h3 id="amh-first-title">Fix these first</h3><ol>${items}</ol></section>`;
}

/**
 * The gist of a fix in one line: its first sentence of prose, which says what to do ("Map the Origin
 * header against an exact list, and echo only a match"): a line of code out of its block can mislead. The
 * first line of code that says something stands in when the prose only says where ("In `server`:").
 */
function fixGist(markdown: string): { text: string; code: boolean } | undefined {
  const prose = (markdown.split("```")[0] ?? "")
    .replace(/\s+/g, " ")
    .replace(/^\d+\.\s+/, "")
    .trim();
  const sentence = (/^.*?[.:!?](?=\s|$)/.exec(prose)?.[0] ?? prose).replace(/\*\*|`/g, "");
  // "In `server`:" says where, not what: a sentence that short leaves the gist to the code.
  if (sentence.split(" ").filter((word) => /[A-Za-z]/.test(word)).length >= 4)
    return { text: sentence.replace(/:$/, "."), code: false };
  let inCode = false;
  for (const line of markdown.split("\n")) {
    if (line.trimStart().startsWith("```")) {
      inCode = !inCode;
      continue;
    }
    const trimmed = line.trim();
    // A line that only opens a block ("server {") says where, not what: the statement inside says what.
    if (inCode && /[A-Za-z]/.test(trimmed) && !/^(#|\/\/|<!--|\/\*)/.test(trimmed) && !/[{([]$/.test(trimmed))
      return { text: trimmed, code: true };
  }
  return undefined;
}

function renderFinding(
  finding: Finding,
  index: number,
  severity: Severity,
  stacks: readonly Stack[],
  learnBase: string,
  evidenceSeen: Map<string, number>,
  isNew: boolean,
): SafeHtml {
  const id = `amh-finding-${index}`;
  const mark = isNew
    ? html` <span class="amh-new" title="Not in the earlier scan compared with">new</span>`
    : "";
  return lines(
    html`<article class="amh-finding amh-sev-${severity}" id="${id}" aria-labelledby="${id}-title">`,
    html`<h4 id="${id}-title">${text(finding.title, 300)}${mark}</h4>`,
    html`<p class="amh-meta"><span class="amh-pill">${SEVERITY_LABELS[severity]}</span><code>${text(finding.id, 100)}</code>${renderCvss(finding)}${renderCwe(finding.cwe)}</p>`,
    html`<p class="amh-summary">${text(finding.summary)}</p>`,
    renderUrls(finding),
    html`<h5>What this means</h5>`,
    html`<p>${inlineCode(finding.explanation)}</p>`,
    renderEvidence(finding, index, evidenceSeen),
    renderFixes(finding, stacks),
    renderPoc(finding),
    renderPrompt(finding),
    renderLearn(finding, learnBase),
    renderReferences(finding),
    html`</article>`,
  );
}

/** Explanations use `code` spans: the backticks are the only markup they can create, the rest is text. */
function inlineCode(value: unknown): SafeHtml {
  const source = clip(typeof value === "string" ? value : "", LIMITS.text);
  // split() with a capture group puts the text between each pair of backticks at the odd indices.
  const parts = source.split(/`([^`\n]{1,200})`/);
  return html`${parts.map((part, i) => (i % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}

function renderCvss(finding: Finding): SafeHtml {
  const vector = typeof finding.cvss?.vector === "string" ? finding.cvss.vector : "";
  const score = typeof finding.cvss?.score === "number" && Number.isFinite(finding.cvss.score);
  const shown = score ? finding.cvss.score.toFixed(1) : "?";
  const vectorHtml = CVSS_VECTOR.test(vector)
    ? html`<a href="https://www.first.org/cvss/calculator/3.1#${vector}" rel="noopener noreferrer"><code>${vector}</code></a>`
    : html`<code>${text(vector, 120)}</code>`;
  return html`<span>CVSS ${shown} ${vectorHtml}</span>`;
}

function renderCwe(cwe: unknown): SafeHtml | "" {
  if (typeof cwe !== "string" || cwe === "") return "";
  const match = /^CWE-(\d{1,6})$/.exec(cwe);
  return match
    ? html`<span><a href="https://cwe.mitre.org/data/definitions/${match[1]}.html" rel="noopener noreferrer">${cwe}</a></span>`
    : html`<span>${text(cwe, 40)}</span>`;
}

function renderUrls(finding: Finding): SafeHtml {
  const urls = Array.isArray(finding.urls) && finding.urls.length > 0 ? finding.urls : [finding.url];
  const shown = urls.slice(0, LIMITS.urls).map((url) => String(url ?? ""));
  if (shown.length <= 1) return html`<p class="amh-where">Where: ${urlLink(shown[0] ?? "")}</p>`;
  const more = urls.length > shown.length && html`<li>and ${urls.length - shown.length} more</li>`;
  return html`<p class="amh-where">Where (${urls.length} URLs):</p><ul class="amh-urls">${shown.map((url) => html`<li>${urlLink(url)}</li>`)}${more}</ul>`;
}

/** "name: value" per header, bounded; empty when there are none. */
function headerLines(headers: unknown): SafeHtml[] {
  if (!Array.isArray(headers)) return [];
  return headers.slice(0, LIMITS.headers).map((pair: unknown) => {
    const [name, value] = Array.isArray(pair) ? (pair as unknown[]) : ["", ""];
    return html`${text(name, 200)}: ${text(value, LIMITS.headerValue)}`;
  });
}

/** The header lines inside a <pre>, each after a line break. */
function headerBlock(headers: unknown): SafeHtml {
  return html`${headerLines(headers).map((line) => html`\n${line}`)}`;
}

function renderExchange(evidence: Evidence): SafeHtml {
  const { request, response, curl } = evidence;
  const body = response ? text(response.bodyExcerpt, LIMITS.body) : undefined;
  return lines(
    request &&
      html`<figure><figcaption>Request</figcaption><pre class="amh-pre"><code>${text(request.method, 20)} ${text(request.url, LIMITS.url)}${headerBlock(request.headers)}</code></pre></figure>`,
    response &&
      html`<figure><figcaption>Response</figcaption><pre class="amh-pre"><code>HTTP ${safeCount(response.status)}${headerBlock(response.headers)}${body?.value ? html`\n\n${body}` : ""}${response.bodyTruncated ? "\n… (body cut short)" : ""}</code></pre></figure>`,
    curl &&
      html`<figure><figcaption>Reproduce it yourself</figcaption><pre class="amh-pre amh-curl"><code>${text(curl, LIMITS.text)}</code></pre></figure>`,
  );
}

/**
 * Collapsed by default (a click, or a keypress, opens it; no script needed). An exchange shown under an
 * earlier finding is not printed again: the note says what it shows here and links to where it is.
 */
function renderEvidence(finding: Finding, index: number, seen: Map<string, number>): SafeHtml | "" {
  const evidence = Array.isArray(finding.evidence) ? finding.evidence.slice(0, LIMITS.evidence) : [];
  const details = Object.entries(finding.details ?? {}).slice(0, LIMITS.details);
  if (evidence.length === 0 && details.length === 0) return "";
  const own = new Set<string>();
  const blocks = evidence.map((item) => {
    const key = exchangeKey(item);
    if (key === undefined) return html`<p>${text(item.note)}</p>`;
    if (own.has(key)) return "";
    own.add(key);
    const earlier = seen.get(key);
    if (earlier !== undefined && earlier !== index)
      return html`<p>${text(item.note)} <a href="#amh-finding-${earlier}">The same exchange is shown under finding ${earlier}.</a></p>`;
    seen.set(key, index);
    return lines(html`<p>${text(item.note)}</p>`, renderExchange(item));
  });
  return lines(
    html`<details class="amh-evidence"><summary>Evidence</summary>`,
    ...blocks,
    details.length > 0 &&
      html`<dl class="amh-details">${details.map(([key, value]) => html`<dt>${text(key, 100)}</dt><dd>${text(value, 1000)}</dd>`)}</dl>`,
    html`</details>`,
  );
}

/** What an exchange shows (request, response, curl), whatever its number: undefined when it has none. */
function exchangeKey(item: Evidence): string | undefined {
  if (!item.request && !item.response && !item.curl) return undefined;
  return JSON.stringify([item.request ?? null, item.response ?? null, item.curl ?? null]);
}

/** Detected stacks first, then the other known stacks in their usual order, then anything else. */
function orderedFixes(finding: Finding, stacks: readonly Stack[]): Array<[key: string, markdown: string]> {
  const fixes = finding.fixes && typeof finding.fixes === "object" ? finding.fixes : {};
  const entries = Object.entries(fixes).filter(
    (entry): entry is [string, string] => typeof entry[1] === "string",
  );
  const rank = (key: string) => {
    const detected = stacks.indexOf(key as Stack);
    if (detected >= 0) return detected;
    const known = STACKS.indexOf(key as Stack);
    return known >= 0 ? 100 + known : 1000;
  };
  return entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).slice(0, LIMITS.stacks + 5);
}

function renderFixes(finding: Finding, stacks: readonly Stack[]): SafeHtml | "" {
  const fixes = orderedFixes(finding, stacks);
  if (fixes.length === 0) return "";
  const blocks = fixes.map(([key, markdown]) => {
    const known = STACKS.includes(key as Stack);
    const label = known ? STACK_LABELS[key as Stack] : text(key, 60);
    const detected = stacks.includes(key as Stack);
    return html`<details class="amh-stack"><summary>${label}${detected ? html`<span class="amh-detected">detected</span>` : ""}</summary><div class="amh-md">${renderFix(markdown)}</div></details>`;
  });
  // The detected stacks' fixes one click away; the other stacks behind one more, so a finding's fixes
  // take two lines of the page until someone asks for them.
  const detected = fixes.filter(([key]) => stacks.includes(key as Stack)).length;
  const others = blocks.slice(detected);
  return lines(
    html`<h5>How to fix it</h5>`,
    detected === 0 && html`<p class="amh-hint">Open the one that matches your stack.</p>`,
    ...blocks.slice(0, detected),
    others.length > 0 &&
      (detected > 0
        ? html`<details class="amh-other-stacks"><summary>Other stacks (${others.length})</summary>${others}</details>`
        : lines(...others)),
  );
}

/**
 * Fixes come from a check's meta, so the same few strings repeat across findings and scans; rendering
 * Markdown is most of a report's cost, so results are kept (the output depends only on the input).
 */
const renderedFixes = new Map<string, SafeHtml>();
const RENDERED_FIXES_KEPT = 500;

function renderFix(markdown: string): SafeHtml {
  const cached = renderedFixes.get(markdown);
  if (cached !== undefined) return cached;
  // "report" mode treats the Markdown as hostile: raw HTML shown as text, only http(s) links, no images;
  // bidi and control characters become visible markers before parsing.
  const rendered = markdownHtml(clip(markdown, LIMITS.fix), { mode: "report", headingShift: 4 });
  if (markdown.length > LIMITS.fix) return rendered; // only bounded keys are kept
  if (renderedFixes.size >= RENDERED_FIXES_KEPT) renderedFixes.clear();
  renderedFixes.set(markdown, rendered);
  return rendered;
}

function renderPoc(finding: Finding): SafeHtml | "" {
  if (typeof finding.poc !== "string" || finding.poc === "") return "";
  return html`<details class="amh-poc"><summary>Proof of concept page (source)</summary>
<p class="amh-hint">Save this as a .html file and open it in a browser where you are logged in to the site. It is shown here as text and never runs in this report.</p>
<pre class="amh-pre"><code>${text(finding.poc, LIMITS.poc)}</code></pre>
</details>`;
}

function renderPrompt(finding: Finding): SafeHtml | "" {
  if (typeof finding.aiPrompt !== "string" || finding.aiPrompt === "") return "";
  return html`<details class="amh-ai"><summary>Fix it with your AI</summary>
<p class="amh-hint">Paste this prompt into your coding assistant (Cursor, Claude Code, Copilot, ...): select the text and copy it with Ctrl+C or ⌘C. Read what it changes before you deploy.</p>
<pre class="amh-pre amh-prompt" data-amh-copy="prompt"><code>${text(finding.aiPrompt, LIMITS.prompt)}</code></pre>
</details>`;
}

function renderLearn(finding: Finding, learnBase: string): SafeHtml | "" {
  const match = typeof finding.learn === "string" ? LEARN_REF.exec(finding.learn) : null;
  if (!match) return "";
  const [, slug, anchor] = match;
  const standalone = learnBase === STANDALONE_LEARN;
  const path = standalone ? `${slug}.md` : `${slug}${anchor ? `#${anchor}` : ""}`;
  const href = safeArticleHref(`${learnBase}${path}`);
  if (!href) return "";
  return html`<p class="amh-learn"><a href="${href}">Learn how this works and how to fix it for good</a></p>`;
}

function renderReferences(finding: Finding): SafeHtml | "" {
  const references: readonly Reference[] = Array.isArray(finding.references)
    ? (finding.references as readonly Reference[]).slice(0, LIMITS.references)
    : [];
  const items = references
    .filter((ref) => ref && typeof ref.url === "string")
    .map((ref) => html`<li>${urlLink(ref.url, typeof ref.title === "string" ? ref.title : ref.url)}</li>`);
  if (items.length === 0) return "";
  return html`<details class="amh-refs"><summary>References</summary><ul>${items}</ul></details>`;
}
