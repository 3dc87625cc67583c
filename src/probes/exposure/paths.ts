import type { ExposureKind } from "../../artifacts/index.ts";

export interface ExposurePath {
  path: string;
  /** What it is expected to be: the path is requested only when a selected check asks for this kind. */
  kind: ExposureKind;
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
  { path: "/.env", kind: "env" },
  { path: "/.git/HEAD", kind: "git" },
  { path: "/.git/config", kind: "git" },
  { path: "/.env.local", kind: "env" },
  { path: "/.env.production", kind: "env" },
  { path: "/.env.development", kind: "env" },
  { path: "/.env.backup", kind: "env" },
  { path: "/.DS_Store", kind: "ds-store" },
  { path: "/backup.zip", kind: "backup" },
  { path: "/site.tar.gz", kind: "backup" },
  { path: "/backup.sql", kind: "backup" },
  { path: "/dump.sql", kind: "backup" },
  { path: "/db.sql", kind: "backup" },
  { path: "/uploads/", kind: "listing" },
  { path: "/backup/", kind: "listing" },
  { path: "/openapi.json", kind: "api-docs" },
  { path: "/swagger.json", kind: "api-docs" },
  { path: "/swagger/v1/swagger.json", kind: "api-docs" },
  { path: "/v3/api-docs", kind: "api-docs" },
  { path: "/api-docs/", kind: "api-docs" },
];

/** Editor and manual backups of PHP files: asked for only when the site runs PHP. */
export const PHP_BACKUP_PATHS: readonly ExposurePath[] = [
  { path: "/wp-config.php.bak", kind: "backup" },
  { path: "/config.php~", kind: "backup" },
  { path: "/index.php.bak", kind: "backup" },
];

/** Directories next to the site's bundles, probed for listings: at most this many. */
export const BUNDLE_DIRECTORIES = 2;
