import { bodyText, type Exchange, headerValue } from "../../core/index.ts";

/**
 * What WordPress, Drupal and Joomla answer at their fixed paths, read from hostile bytes: each signature
 * is the shape only the real thing has, so a catch-all page (a single-page app's index.html, a CDN's
 * block page) never matches one.
 */

/** Bodies are read this far: every signature sits at the start of its answer. */
const READ_CHARS = 64 * 1024;
/** A user name shown in a report: longer is cut. */
const MAX_NAME_CHARS = 60;
/** Users listed in a finding; the rest are counted. */
export const MAX_USERS_LISTED = 10;

function text(exchange: Exchange | undefined): string {
  return exchange?.response ? bodyText(exchange.response).slice(0, READ_CHARS) : "";
}

function ok(exchange: Exchange | undefined): exchange is Exchange & { response: { status: 200 } } {
  return exchange?.response?.status === 200;
}

/** RSS: `<generator>https://wordpress.org/?v=6.4.2</generator>`; Atom: `version="6.4.2">WordPress<`. */
export function feedVersion(exchange: Exchange | undefined): string | undefined {
  if (!ok(exchange)) return undefined;
  const body = text(exchange);
  if (!/<(?:rss|feed)\b/.test(body)) return undefined;
  return (
    /<generator>\s*https?:\/\/wordpress\.org\/\?v=(\d+\.\d+(?:\.\d+)?)\s*<\/generator>/.exec(body)?.[1] ??
    /<generator\b[^>]*\bversion="(\d+\.\d+(?:\.\d+)?)"[^>]*>\s*WordPress\s*<\/generator>/.exec(body)?.[1]
  );
}

/** The readme of a release: WordPress's title and logo, and (in older releases) "Version 4.9.8". */
export function readmeVersion(exchange: Exchange | undefined): string | undefined {
  if (!ok(exchange)) return undefined;
  const body = text(exchange);
  if (!/<title>\s*WordPress\s*(?:&#8250;|›)\s*ReadMe\s*<\/title>/i.test(body)) return undefined;
  // Under the logo: "<br /> Version 3.5.1". The rest of the file names PHP and MySQL versions and GPL version 2.
  return /<br\s*\/?>\s*Version\s+(\d+\.\d+(?:\.\d+)?)\b/.exec(body)?.[1];
}

/** Drupal 7's CHANGELOG.txt opens with the running release: "Drupal 7.98, 2023-06-07". */
export function drupalChangelogVersion(exchange: Exchange | undefined): string | undefined {
  if (!ok(exchange)) return undefined;
  return /^\s*Drupal (7\.\d+), \d{4}-\d{2}-\d{2}/.exec(text(exchange))?.[1];
}

/** Joomla's files_joomla manifest: `<name>files_joomla</name>` ... `<version>4.4.0</version>`. */
export function joomlaManifestVersion(exchange: Exchange | undefined): string | undefined {
  if (!ok(exchange)) return undefined;
  const body = text(exchange);
  if (!/<extension\b/.test(body) || !/<name>\s*files_joomla\s*<\/name>/.test(body)) return undefined;
  return /<version>\s*(\d+\.\d+(?:\.\d+)?)\s*<\/version>/.exec(body)?.[1];
}

/** A user the site names: the REST list's `slug` (the login's URL form) and display `name`. */
export interface ListedUser {
  slug: string;
  name?: string;
}

/**
 * The REST user list: a 200 JSON array of objects that have WordPress's user shape (`id`, `slug`, and a
 * `link` or `name`). A closed endpoint answers 401 `rest_user_cannot_view`, or `[]`.
 */
export function restUsers(exchange: Exchange | undefined): ListedUser[] {
  if (!ok(exchange)) return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText(exchange.response));
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  const users: ListedUser[] = [];
  for (const entry of parsed as unknown[]) {
    if (typeof entry !== "object" || entry === null) continue;
    const { id, slug, name, link } = entry as Record<string, unknown>;
    if (typeof id !== "number" || typeof slug !== "string" || slug.length === 0) continue;
    if (typeof name !== "string" && typeof link !== "string") continue;
    users.push({
      slug: clip(slug),
      ...(typeof name === "string" && name.length > 0 ? { name: clip(name) } : {}),
    });
  }
  return users;
}

/**
 * `?author=1`: a redirect to `/author/NAME/` (pretty permalinks), or the author archive itself, whose body
 * class names the author (`archive author author-NAME author-1`).
 */
export function authorName(exchange: Exchange | undefined): string | undefined {
  const response = exchange?.response;
  if (!response) return undefined;
  if (response.status >= 300 && response.status < 400) {
    const location = headerValue(response.headers, "location");
    const target = location && URL.parse(location, exchange.request.url);
    const name = target && /\/author\/([^/?#]+)\/?$/.exec(target.pathname)?.[1];
    return name ? clip(decode(name)) : undefined;
  }
  if (response.status !== 200) return undefined;
  const name = /<body\b[^>]*\bclass="[^"]*\barchive author author-([a-z0-9_.%-]+) author-1\b/i.exec(
    text(exchange),
  )?.[1];
  return name ? clip(decode(name)) : undefined;
}

/** What WordPress's xmlrpc.php answers to a GET when it is on (405 since WordPress 3.5, 200 before). */
export function xmlrpcAnswers(exchange: Exchange | undefined): boolean {
  const status = exchange?.response?.status;
  if (status !== 200 && status !== 405) return false;
  return text(exchange).includes("XML-RPC server accepts POST requests only.");
}

/** Which installer step a page shows, if it is WordPress's installer on a site that is not installed. */
export type InstallerStep = "language" | "install-form" | "database-setup";

/**
 * WordPress's installer, open: the language chooser or the "five-minute installation" form (site title,
 * admin user and password) of install.php, or setup-config.php asking for database credentials (no
 * wp-config.php yet: whoever fills it in points the site at their own database). A working site answers
 * "Already Installed"; setup-config.php then says wp-config.php "already exists".
 */
export function installerStep(exchange: Exchange | undefined): InstallerStep | undefined {
  if (!ok(exchange)) return undefined;
  const body = text(exchange);
  if (!/\bwp-core-ui\b/.test(body) || /already installed|already exists/i.test(body)) return undefined;
  if (!/<form\b/i.test(body)) return undefined;
  if (/name=["']weblog_title["']/.test(body) && /name=["']user_name["']/.test(body)) return "install-form";
  if (/name=["']dbname["']/.test(body) && /name=["']dbhost["']/.test(body)) return "database-setup";
  const chooser = /<form\b[^>]*\bid=["']setup["']/i.test(body);
  if (chooser && /<select\b[^>]*\bname=["']language["']/.test(body)) return "language";
  return undefined;
}

function clip(value: string): string {
  return value.length > MAX_NAME_CHARS ? `${value.slice(0, MAX_NAME_CHARS)}…` : value;
}

function decode(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}
