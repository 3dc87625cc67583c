import { CHECKS } from "../../checks/index.ts";
import { planProbes, selectChecks } from "../../engine/index.ts";
import { PROBES } from "../../probes/index.ts";
import type { LiveScan } from "../../queue/index.ts";
import { reportSection } from "../../reporters/index.ts";
import type { ScanSummary, ScanRecord, ScanRequestOptions } from "../../store/index.ts";
import { scanLinks, type SinceLastScan } from "../api/index.ts";
import { plural } from "../../core/index.ts";
import { html, type SafeHtml } from "../../render/index.ts";
import { page } from "./layout.ts";
import { LIVE_SCRIPT } from "./live-script.ts";
import { sinceLine } from "./since-line.ts";

/** Seconds between refreshes of a waiting or running scan's page when JavaScript is off. */
export const NO_SCRIPT_REFRESH_SECONDS = 3;

export interface ScanPageOptions {
  nonce: string;
  scan: ScanRecord;
  live: LiveScan | undefined;
  position: number | null;
  history: ScanSummary[];
  /** For a done scan: what changed since an earlier scan of the URL, when one compares. */
  since?: SinceLastScan;
  /** Absolute origin for the badge snippet, e.g. https://amihackable.example. */
  origin: string;
}

/** The shareable page of one scan: live progress while it runs, the report when it is done. */
export function scanPage(options: ScanPageOptions): SafeHtml {
  const { scan } = options;
  const host = new URL(scan.url).host;
  if (scan.status === "done" && scan.report) return donePage(options, host);
  if (scan.status === "failed") {
    return page({
      title: `Scan of ${host} failed · amihackable`,
      nonce: options.nonce,
      noindex: true,
      body: html`<h1>The scan of ${host} failed</h1>
        <p class="error-box" role="alert">
          <strong>What happened:</strong> ${scan.error ?? "an internal error stopped it."}
        </p>
        ${againForm(scan.url)}`,
    });
  }
  return runningPage(options, host);
}

function runningPage(options: ScanPageOptions, host: string): SafeHtml {
  const { scan, live } = options;
  const links = scanLinks(scan.id);
  const progress = live?.progress;
  const running = scan.status === "running";
  const statusText = running
    ? "Scanning…"
    : options.position
      ? `Waiting in line: number ${options.position}`
      : scan.status === "interrupted"
        ? "The server restarted during this scan; it will run again shortly."
        : "Waiting to start…";
  const findings = live?.findings ?? [];
  return page({
    title: `Scanning ${host} · amihackable`,
    nonce: options.nonce,
    noindex: true,
    head: html`<noscript><meta http-equiv="refresh" content="${NO_SCRIPT_REFRESH_SECONDS}" /></noscript>`,
    script: LIVE_SCRIPT,
    body: html`<h1>Scanning ${host}</h1>
      <p class="muted">${scan.url}</p>
      <section class="panel" id="live" data-events="${links.events}" aria-label="Progress">
        <p class="live-status" data-live="status" role="status" aria-live="polite">${statusText}</p>
        ${progress ? html`<progress data-live="bar" max="${progress.budget}" value="${progress.sent}" aria-label="Requests sent">${progress.sent} of ${progress.budget}</progress>` : html`<progress data-live="bar" aria-label="Requests sent"></progress>`}
        <dl class="facts">
          <div>
            <dt>Now</dt>
            <dd data-live="title">${progress?.title ?? (running ? "Starting" : "Waiting")}</dd>
          </div>
          <div>
            <dt>Requests sent</dt>
            <dd data-live="sent">${progress ? `${progress.sent} of ${progress.budget}` : "0"}</dd>
          </div>
          <div>
            <dt>Findings so far</dt>
            <dd data-live="count">${findings.length}</dd>
          </div>
        </dl>
        <p class="muted" data-live="message">${progress?.message ?? ""}</p>
        <ol class="steps-live" aria-label="Checks">
          ${plannedSteps(scan.options).map((step) => html`<li data-probe="${step.name}" data-state="${stepState(step.name, live)}">${step.title}</li>`)}
        </ol>
        <ul class="live-findings" data-live="findings" aria-label="Findings so far">
          ${findings.map((finding) => html`<li data-key="${finding.id} ${finding.url}"><span class="sev sev-${finding.severity}">${finding.severity}</span> ${finding.title}</li>`)}
        </ul>
        <noscript
          ><p class="muted">
            This page refreshes every ${NO_SCRIPT_REFRESH_SECONDS} seconds until the report is ready.
          </p></noscript
        >
      </section>
      <p class="hint">Keep this page: its address is the report's permanent, unguessable link.</p>`,
  });
}

function donePage(options: ScanPageOptions, host: string): SafeHtml {
  const { scan, nonce } = options;
  const report = scan.report!;
  const links = scanLinks(scan.id);
  const badgeUrl = `${options.origin}${links.badge}`;
  const pageUrl = `${options.origin}${links.page}`;
  const earlier = options.history.filter((item) => item.id !== scan.id);
  // A scan that reached nothing has no grade to show or share: no badge, no "?" in the title.
  const unreachable = report.outcome === "unreachable";
  const graded = unreachable
    ? "could not be scanned"
    : report.summary.gradeWithheld === undefined
      ? `grade ${report.summary.grade}`
      : "partial scan, no grade";
  return page({
    title: `${host}: ${graded} · amihackable`,
    description: `amihackable report for ${host}: ${graded}${unreachable ? "" : `, ${plural(report.summary.total, "finding")}`}.`,
    nonce,
    noindex: true,
    body: html`<h1 class="visually-hidden">amihackable report for ${host}</h1>
      <div class="toolbar">
        <div class="downloads">
          <span class="muted">Download</span>
          <a href="${links.report.json}" download>JSON</a>
          <a href="${links.report.sarif}" download>SARIF</a>
          <a href="${links.report.html}" download>HTML</a>
        </div>
        ${againForm(scan.url)}
      </div>
      ${sinceLine(options.since)}
      ${unreachable ? "" : shareDetails(report.summary.grade, links.badge, badgeUrl, pageUrl)}
      ${reportSection(report, { nonce, newFindings: newFingerprints(options.since) })}
      ${
        earlier.length > 0
          ? html`<h2>Earlier scans of this address</h2>
              <ul class="history">
                ${earlier.map((item) => html`<li><a href="${scanLinks(item.id).page}">${item.createdAt.replace("T", " ").slice(0, 16)} UTC</a> · ${item.status !== "done" ? item.status : item.grade ? `grade ${item.grade}` : "no grade"}</li>`)}
              </ul>`
          : ""
      }`,
  });
}

function newFingerprints(since: SinceLastScan | undefined): ReadonlySet<string> | undefined {
  return since && new Set(since.diff.added.map((entry) => entry.fingerprint));
}

/** How to share the report and embed its grade badge; only for a scan that has a grade. */
function shareDetails(grade: string, badgePath: string, badgeUrl: string, pageUrl: string): SafeHtml {
  return html`<details class="share">
    <summary>Share this report or put the grade in your README</summary>
    <p>
      Anyone with this page's address can read the report. Its address cannot be guessed, but reports list the
      earlier scans of the same URL, so treat a report as public: it holds only what anyone scanning that URL
      would see.
    </p>
    <p>
      <img src="${badgePath}" alt="amihackable grade: ${grade}" />
    </p>
    <p><label for="badge-markdown">Markdown for a README</label></p>
    <textarea id="badge-markdown" readonly rows="2">[![amihackable grade](${badgeUrl})](${pageUrl})</textarea>
  </details>`;
}

const JUDGING = { name: "judging", title: "Judging the evidence" };

/** The probe families this scan will run, in order, then judging: the live view's checklist. */
function plannedSteps(options: ScanRequestOptions): Array<{ name: string; title: string }> {
  try {
    const waves = planProbes(selectChecks(CHECKS, options.only, options.ignore), PROBES);
    return [...waves.flat().map((probe) => ({ name: probe.name, title: probe.title })), JUDGING];
  } catch {
    return [JUDGING];
  }
}

function stepState(name: string, live: LiveScan | undefined): "waiting" | "running" | "done" {
  const progress = live?.progress;
  if (!progress) return "waiting";
  if (progress.probe === "judging") return name === "judging" ? "running" : "done";
  if (progress.finished.includes(name)) return "done";
  return progress.started.includes(name) ? "running" : "waiting";
}

function againForm(url: string): SafeHtml {
  return html`<form method="post" action="/scan">
    <input type="hidden" name="url" value="${url}" /><button class="button secondary" type="submit">
      Scan again
    </button>
  </form>`;
}
