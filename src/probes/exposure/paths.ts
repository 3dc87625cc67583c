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
  // Logs are asked for with a Range of their first 16 KiB: enough lines to see timestamps and levels.
  log: 16 * 1024,
  config: 32 * 1024,
  // Databases are asked for their first page: the header's magic bytes, and the schema's first table names.
  database: 8 * 1024,
  // Login pages and consoles carry their product markers in the head and the first form.
  admin: 64 * 1024,
  console: 64 * 1024,
};

/** Kinds read by their first bytes only: a Range request, uncompressed, so a huge file costs a kilobyte. */
export const RANGE_REQUESTS: Partial<Record<ExposureKind, string>> = {
  backup: "bytes=0-1023",
  database: "bytes=0-4095",
  log: "bytes=0-16383",
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
  { path: "/docker-compose.yml", kind: "config" },
  { path: "/config.json", kind: "config" },
  { path: "/.npmrc", kind: "config" },
  { path: "/.htpasswd", kind: "config" },
  { path: "/config.yml", kind: "config" },
  { path: "/.aws/credentials", kind: "config" },
  { path: "/debug.log", kind: "log" },
  { path: "/error.log", kind: "log" },
  { path: "/logs/error.log", kind: "log" },
  { path: "/npm-debug.log", kind: "log" },
  { path: "/db.sqlite3", kind: "database" },
  { path: "/db.sqlite", kind: "database" },
  { path: "/database.sqlite", kind: "database" },
  { path: "/database.db", kind: "database" },
  { path: "/phpmyadmin/", kind: "admin" },
  { path: "/adminer.php", kind: "admin" },
  { path: "/pgadmin4/login", kind: "admin" },
  { path: "/grafana/login", kind: "admin" },
  { path: "/jenkins/login", kind: "admin" },
  { path: "/portainer/", kind: "admin" },
  // The Werkzeug debugger's interactive console (Flask run with debug=True).
  { path: "/console", kind: "console" },
];

/**
 * Editor and manual backups of PHP files, and the logs PHP apps write into the web root: asked for only
 * when the site runs PHP. A backup of a config file is a config file (its passwords are the point).
 */
export const PHP_BACKUP_PATHS: readonly ExposurePath[] = [
  { path: "/wp-config.php.bak", kind: "config" },
  { path: "/config.php~", kind: "config" },
  { path: "/wp-config.php~", kind: "config" },
  { path: "/index.php.bak", kind: "backup" },
  { path: "/error_log", kind: "log" },
  { path: "/storage/logs/laravel.log", kind: "log" },
  { path: "/wp-content/debug.log", kind: "log" },
];

/** ASP.NET's own config files: asked for only when the site says it runs on IIS or ASP.NET. */
export const ASPNET_PATHS: readonly ExposurePath[] = [
  { path: "/appsettings.json", kind: "config" },
  { path: "/web.config", kind: "config" },
];

/** Directories next to the site's bundles, probed for listings: at most this many. */
export const BUNDLE_DIRECTORIES = 2;
