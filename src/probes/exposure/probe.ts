import { bodyText, type Exchange, headerValue } from "../../core/index.ts";
import {
  CANDIDATE_ROLE,
  EXPOSURE_PROBE,
  ExposureResponses,
  type ExposureKind,
  BASELINE_ROLE,
  SoftNotFoundBaselines,
} from "../../artifacts/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";
import { baselinePaths } from "./baseline-paths.ts";
import { listedBackups } from "./listed-backups.ts";
import {
  BASELINE_CAP,
  BODY_CAPS,
  BUNDLE_DIRECTORIES,
  EXPOSURE_PATHS,
  PHP_BACKUP_PATHS,
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
    if (requested.has("backup")) await sendListedBackups(context, origin, answers, paths);
  },
};

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

function sendCandidate(context: ProbeContext, origin: string, entry: ExposurePath) {
  const backup = entry.kind === "backup";
  return context.http.send({
    method: "GET",
    url: new URL(entry.path, origin).href,
    probe: EXPOSURE_PROBE,
    labels: { role: CANDIDATE_ROLE, kind: entry.kind, path: entry.path },
    // A real dump may be gigabytes: ask for its first kilobyte, uncompressed, to read its magic bytes.
    ...(backup ? { headers: { range: "bytes=0-1023", "accept-encoding": "identity" } } : {}),
    maxBodyBytes: BODY_CAPS[entry.kind],
  });
}

/** The fixed list, PHP backups when the site runs PHP, and the directories holding the site's bundles. */
function chosenPaths(context: ProbeContext): ExposurePath[] {
  const origin = new URL(context.discovery.finalUrl ?? context.target.url).origin;
  const paths = [...EXPOSURE_PATHS];
  if (runsPhp(context)) paths.push(...PHP_BACKUP_PATHS);
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
