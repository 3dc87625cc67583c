import { type Check, bodyText, evidenceFrom, type Exchange, headerValue } from "../../core/index.ts";
import { backupFormat, type BackupFormat } from "./backup-signature.ts";
import { exposureNeeds, WSTG_BACKUP_FILES, WSTG_FILE_EXTENSIONS, stopServingFixes } from "./shared.ts";
import { exposedFiles, pathOf } from "./exposed-files.ts";

const BINARY: ReadonlySet<BackupFormat> = new Set([
  "zip archive",
  "gzip archive",
  "tar archive",
  "7-Zip archive",
  "RAR archive",
  "bzip2 archive",
  "xz archive",
  "SQLite database",
]);

/** What the evidence shows: magic bytes for binaries, the first lines with every string value hidden for text. */
function excerptFor(exchange: Exchange, format: BackupFormat): string {
  const body = exchange.response!.body;
  if (BINARY.has(format)) {
    const hex = [...body.subarray(0, 16)].map((byte) => byte.toString(16).padStart(2, "0")).join(" ");
    return `${hex} … (${format}; only the first bytes were requested)`;
  }
  const lines = bodyText(exchange.response)
    .split(/\r?\n/)
    .slice(0, 8)
    .map((line) => withoutStringValues(line).slice(0, 160));
  return `${lines.join("\n")}\n… (string values hidden)`;
}

/** The file's full size, from Content-Range (a 206 answer) or Content-Length, when the server says. */
function fullSize(exchange: Exchange): number | undefined {
  const headers = exchange.response?.headers ?? [];
  const range = /\/(\d+)\s*$/.exec(headerValue(headers, "content-range") ?? "");
  const size = Number(range?.[1] ?? headerValue(headers, "content-length"));
  return Number.isFinite(size) && size > 0 ? size : undefined;
}

export const backupFile: Check = {
  meta: {
    id: "exposure.backup-file",
    title: "A backup or database dump can be downloaded",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
    cwe: "CWE-530",
    references: [
      WSTG_BACKUP_FILES,
      WSTG_FILE_EXTENSIONS,
      {
        title: "CWE-530: Exposure of Backup File to an Unauthorized Control Sphere",
        url: "https://cwe.mitre.org/data/definitions/530.html",
      },
    ],
    explanation:
      "A backup is sitting in the web root: an archive of the site, a database dump, or an editor's copy of a source file (`.bak`, `~`). Anyone who guesses the name downloads it; these names are on every attacker's list. " +
      "A dump holds your users' data and password hashes; an archive or a `.php.bak` holds your source code and the passwords in its config. We only read its first kilobyte to recognise it.",
    fixes: stopServingFixes("backups and dumps", {
      nginx:
        "Delete the file from the server now and keep backups outside the web root (or in private object storage).",
      express: "Delete the file from the served folder now and keep backups outside it.",
      nextjs: "Delete the file from `public/` now; backups and dumps never belong in the repository.",
      fastapi: "Delete the file from the static directory now and keep backups outside it.",
      vercel:
        "Delete the file from the repository/output directory and redeploy; older deployments still serve it, so delete those deployments too.",
      netlify:
        "Delete the file from the publish directory and redeploy; delete older deploys that still serve it.",
    }),
    learn: "exposed-files#backup-file",
    needs: exposureNeeds("backup"),
  },
  analyse(artifacts) {
    const files = exposedFiles(artifacts, "backup", (exchange) => backupFormat(exchange) !== undefined);
    return files.map((exchange) => {
      const format = backupFormat(exchange)!;
      const size = fullSize(exchange);
      return {
        url: exchange.request.url,
        summary: `${pathOf(exchange)} is served and is a ${format}${size ? ` of about ${formatBytes(size)}` : ""}.`,
        evidence: [
          evidenceFrom(exchange, `The first bytes identify a ${format}.`, {
            headers: ["content-type", "content-length", "content-range"],
            excerpt: excerptFor(exchange, format),
          }),
        ],
        details: { path: pathOf(exchange), format, ...(size ? { bytes: String(size) } : {}) },
      };
    });
  },
};

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024 * 1024) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Replaces quoted strings with an ellipsis: excerpts of leaked code must not leak its passwords again. */
function withoutStringValues(text: string): string {
  return text.replace(/(["'])(?:(?!\1)[^\\\n]|\\.){1,400}\1/g, "$1…$1");
}
