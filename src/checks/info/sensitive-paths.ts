/**
 * What makes a path in robots.txt worth an attacker's visit: one of its segments names an admin area,
 * a database tool, a backup, something internal, a staging copy, version control or configuration, or a
 * debug page. Segments are compared whole or with a separator (`admin`, `admin-old`, `old_admin`), so
 * `badminton` or `backupcamera` in a product name does not count. Paths are lower-cased before matching.
 */
export interface SensitiveKind {
  name: string;
  segment: RegExp;
}

/** `word`, optionally with a plural s, alone or joined to other words by - _ or . */
const joined = (words: string) => new RegExp(`^(?:[a-z0-9]+[-_.])*(?:${words})s?(?:[-_.][a-z0-9]+)*$`);

export const SENSITIVE_KINDS: readonly SensitiveKind[] = [
  {
    name: "admin area",
    segment: joined("admin|administrator|administration|adminpanel|backoffice|cpanel|controlpanel"),
  },
  {
    name: "database tool",
    segment: /^(phpmyadmin|myadmin|pma|adminer(\.php)?|phppgadmin|pgadmin|sqladmin|dbadmin)$/,
  },
  { name: "backup", segment: joined("backup|bak|dump|db-backup") },
  { name: "backup file", segment: /\.(sql|bak|old|dump)(\.(gz|zip|bz2))?\$?$|\.tar\.gz\$?$/ },
  { name: "internal area", segment: /^(internal|intranet|private|secrets?|confidential)$/ },
  { name: "staging copy", segment: joined("staging|preprod|pre-prod|uat") },
  { name: "staging copy", segment: /^(dev|development)$/ },
  {
    name: "version control or configuration",
    segment:
      /^(\.git|\.svn|\.hg|\.env|\.htpasswd|wp-config\.php|web\.config|config\.php|configuration\.php)$/,
  },
  {
    name: "debug page",
    segment:
      /^(debug|phpinfo(\.php)?|info\.php|server-status|actuator|_profiler|elmah\.axd|trace\.axd|console)$/,
  },
  { name: "installer", segment: /^(install|installer|install\.php)$/ },
  { name: "logs", segment: /^(logs?|logfiles?|[a-z0-9_.-]+\.log)$/ },
];

/**
 * Paths every copy of a product carries in its default robots.txt: naming them tells nobody anything
 * new (the cms family reports which CMS and version a site runs).
 */
const PRODUCT_DEFAULTS = [/^\/wp-admin\/?$/];

/** The kind of sensitive thing a robots.txt path names, or null. Wildcards and query strings are ignored. */
export function sensitiveKind(path: string): SensitiveKind | null {
  const plain = path.toLowerCase().split("?")[0]!;
  if (PRODUCT_DEFAULTS.some((pattern) => pattern.test(plain))) return null;
  for (const segment of plain.split("/")) {
    const name = segment.replace(/\*/g, "");
    if (!name) continue;
    const kind = SENSITIVE_KINDS.find((candidate) => candidate.segment.test(name));
    if (kind) return kind;
  }
  return null;
}
