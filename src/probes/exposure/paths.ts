/** What a curated path is expected to be; the check that reads it says whether it really is. */
export type ExposureKind = "env" | "git" | "ds-store" | "backup" | "listing" | "api-docs";

export interface ExposurePath {
  path: string;
  kind: ExposureKind;
  /** The check that judges it: the path is requested only when that check runs. */
  check: string;
}

/** Bytes kept per kind: enough for a content signature, never a whole dump. */
export const BODY_CAPS: Record<ExposureKind, number> = {
  env: 32 * 1024,
  git: 16 * 1024,
  "ds-store": 32 * 1024,
  // Backups are asked for with Range: bytes=0-1023; the cap holds even when the server ignores it.
  backup: 4 * 1024,
  // A listing names its folder in the title, at the top; the entries after 64 KiB add nothing.
  listing: 64 * 1024,
  "api-docs": 128 * 1024,
};

/** Baselines are compared by their first 16 KiB. */
export const BASELINE_CAP = 32 * 1024;

/**
 * The curated list, most valuable first. Each line is a file that leaks on real sites: an env file
 * copied into the web root, a deployed .git directory, a database dump left next to index.html.
 */
export const EXPOSURE_PATHS: readonly ExposurePath[] = [
  { path: "/.env", kind: "env", check: "exposure.env-file" },
  { path: "/.git/HEAD", kind: "git", check: "exposure.git-repository" },
  { path: "/.git/config", kind: "git", check: "exposure.git-repository" },
  { path: "/.env.local", kind: "env", check: "exposure.env-file" },
  { path: "/.env.production", kind: "env", check: "exposure.env-file" },
  { path: "/.env.development", kind: "env", check: "exposure.env-file" },
  { path: "/.env.backup", kind: "env", check: "exposure.env-file" },
  { path: "/.DS_Store", kind: "ds-store", check: "exposure.ds-store" },
  { path: "/backup.zip", kind: "backup", check: "exposure.backup-file" },
  { path: "/site.tar.gz", kind: "backup", check: "exposure.backup-file" },
  { path: "/backup.sql", kind: "backup", check: "exposure.backup-file" },
  { path: "/dump.sql", kind: "backup", check: "exposure.backup-file" },
  { path: "/db.sql", kind: "backup", check: "exposure.backup-file" },
  { path: "/uploads/", kind: "listing", check: "exposure.directory-listing" },
  { path: "/backup/", kind: "listing", check: "exposure.directory-listing" },
  { path: "/openapi.json", kind: "api-docs", check: "exposure.api-docs" },
  { path: "/swagger.json", kind: "api-docs", check: "exposure.api-docs" },
  { path: "/swagger/v1/swagger.json", kind: "api-docs", check: "exposure.api-docs" },
  { path: "/v3/api-docs", kind: "api-docs", check: "exposure.api-docs" },
  { path: "/api-docs/", kind: "api-docs", check: "exposure.api-docs" },
];

/** Editor and manual backups of PHP files: asked for only when the site runs PHP. */
export const PHP_BACKUP_PATHS: readonly ExposurePath[] = [
  { path: "/wp-config.php.bak", kind: "backup", check: "exposure.backup-file" },
  { path: "/config.php~", kind: "backup", check: "exposure.backup-file" },
  { path: "/index.php.bak", kind: "backup", check: "exposure.backup-file" },
];

/** Directories next to the site's bundles, probed for listings: at most this many. */
export const BUNDLE_DIRECTORIES = 2;
