import { bodyText, type Exchange, headerValue } from "../../core/index.ts";
import {
  CANDIDATE_ROLE,
  EXPOSURE_PROBE,
  ExposureResponses,
  type ExposureKind,
  BASELINE_ROLE,
  OPEN_ACCESS_PATHS,
  SoftNotFoundBaselines,
  toolPage,
} from "../../artifacts/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";
import { baselinePaths } from "./baseline-paths.ts";
import { listedBackups } from "./listed-backups.ts";
import {
  ASPNET_PATHS,
  BASELINE_CAP,
  BODY_CAPS,
  BUNDLE_DIRECTORIES,
  EXPOSURE_PATHS,
  PHP_BACKUP_PATHS,
  RANGE_REQUESTS,
  type ExposurePath,
} from "./paths.ts";

/**
 * Asks the site's origin for a curated list of files that should never be public, plus two paths that
 * cannot exist (the baselines that tell a real file from a catch-all answer). Sends only the paths whose
 * kinds the selected checks request of ExposureResponses; judges nothing.
 */
export const exposureProbe: Probe = {
  name: EXPOSURE_PROBE,
  title: "Looking for exposed files",
  after: ["discovery"],
  produces: [ExposureResponses, SoftNotFoundBaselines],
  async run(context) {
    const origin = new URL(context.discovery.finalUrl ?? context.target.url).origin;
    const requested = context.requested(ExposureResponses);
    // Listings are asked for the backup check too: the archives they name are its best leads.
    const paths = chosenPaths(context).filter(
      (entry) => requested.has(entry.kind) || (entry.kind === "listing" && requested.has("backup")),
    );
    if (paths.length === 0) return;
    context.progress(`Looking for ${paths.length} exposed files`);
    const answers = await Promise.all([
      ...baselinePaths(origin).map((path) =>
        context.http.send({
          method: "GET",
          url: new URL(path, origin).href,
          probe: EXPOSURE_PROBE,
          labels: { role: BASELINE_ROLE, path },
          maxBodyBytes: BASELINE_CAP,
        }),
      ),
      ...paths.map((entry) => sendCandidate(context, origin, entry)),
    ]);
    if (requested.has("console")) await askToolsForOpenAccess(context, origin);
    if (requested.has("backup")) await sendListedBackups(context, origin, answers, paths);
  },
};

/**
 * When the page is an admin tool whose page alone does not say whether it works without login (Jupyter,
 * Grafana, Kibana), one read-only API call per tool asks: it answers 401/403 when login is on. Gathering,
 * not judging: the check decides from the answer.
 */
async function askToolsForOpenAccess(context: ProbeContext, origin: string): Promise<void> {
  const page = context.http.exchanges.find((exchange) => exchange.id === context.discovery.pageExchangeId);
  const tool = page && toolPage(page);
  const path = tool && tool.state !== "open" ? OPEN_ACCESS_PATHS[tool.tool] : undefined;
  if (!page || !path) return;
  // The API sits beside the page: a tool served under a folder (/grafana/) has its API there too.
  const base = new URL(page.request.url);
  const folder = base.pathname.replace(/\/(?:login|tree|lab|app\/home)?[^/]*$/, "");
  await sendCandidate(
    context,
    origin,
    { path: `${folder}${path}`, kind: "console" },
    { accept: "application/json" },
  );
}

/** The archives and dumps that the page or a probed folder lists, asked for like the curated backups. */
async function sendListedBackups(
  context: ProbeContext,
  origin: string,
  answers: readonly Exchange[],
  asked: readonly ExposurePath[],
): Promise<void> {
  const page = context.http.exchanges.find((exchange) => exchange.id === context.discovery.pageExchangeId);
  const listings = [...(page ? [page] : []), ...answers.filter((answer) => answer.labels.kind === "listing")];
  const backups = listedBackups(listings, new Set(asked.map((entry) => entry.path)));
  await Promise.all(backups.map((entry) => sendCandidate(context, origin, entry)));
}

function sendCandidate(
  context: ProbeContext,
  origin: string,
  entry: ExposurePath,
  headers: Record<string, string> = {},
) {
  const range = RANGE_REQUESTS[entry.kind];
  return context.http.send({
    method: "GET",
    url: new URL(entry.path, origin).href,
    probe: EXPOSURE_PROBE,
    labels: { role: CANDIDATE_ROLE, kind: entry.kind, path: entry.path },
    // A real dump or log may be gigabytes: ask for its first bytes, uncompressed, to read its signature.
    headers: range ? { ...headers, range, "accept-encoding": "identity" } : headers,
    maxBodyBytes: BODY_CAPS[entry.kind],
  });
}

/**
 * The fixed list, PHP backups and logs when the site runs PHP, ASP.NET config files when it runs on
 * IIS/ASP.NET, and the directories holding the site's bundles.
 */
function chosenPaths(context: ProbeContext): ExposurePath[] {
  const origin = new URL(context.discovery.finalUrl ?? context.target.url).origin;
  const paths = [...EXPOSURE_PATHS];
  if (runsPhp(context)) paths.push(...PHP_BACKUP_PATHS);
  if (runsAspNet(context)) paths.push(...ASPNET_PATHS);
  const seen = new Set(paths.map((entry) => entry.path));
  for (const directory of bundleDirectories(context, origin)) {
    if (seen.has(directory)) continue;
    seen.add(directory);
    paths.push({ path: directory, kind: "listing" satisfies ExposureKind });
  }
  return paths;
}

function bundleDirectories(context: ProbeContext, origin: string): string[] {
  const directories: string[] = [];
  for (const bundle of context.discovery.bundles) {
    const url = new URL(bundle.url);
    if (url.origin !== origin) continue;
    const directory = url.pathname.slice(0, url.pathname.lastIndexOf("/") + 1);
    if (directory === "/" || directories.includes(directory)) continue;
    directories.push(directory);
    if (directories.length >= BUNDLE_DIRECTORIES) break;
  }
  return directories;
}

function runsPhp(context: ProbeContext): boolean {
  const page = context.http.exchanges.find((exchange) => exchange.id === context.discovery.pageExchangeId);
  if (!page?.response) return false;
  const poweredBy = headerValue(page.response.headers, "x-powered-by") ?? "";
  const cookies = headerValue(page.response.headers, "set-cookie") ?? "";
  if (/php/i.test(poweredBy) || /PHPSESSID|laravel_session/.test(cookies)) return true;
  const html = bodyText(page.response).slice(0, 200_000);
  return /\/wp-content\/|\/wp-includes\/|\.php["'?#]/.test(html);
}

function runsAspNet(context: ProbeContext): boolean {
  const page = context.http.exchanges.find((exchange) => exchange.id === context.discovery.pageExchangeId);
  if (!page?.response) return false;
  const headers = page.response.headers;
  const said = [
    headerValue(headers, "server"),
    headerValue(headers, "x-powered-by"),
    headerValue(headers, "set-cookie"),
  ]
    .filter(Boolean)
    .join(" ");
  return (
    /Microsoft-IIS|ASP\.NET|\.AspNetCore\.|ASP\.NET_SessionId/i.test(said) ||
    headerValue(headers, "x-aspnet-version") !== undefined
  );
}
