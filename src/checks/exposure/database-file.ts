import { type Check, evidenceFrom, headerValue, type Exchange } from "../../core/index.ts";
import { databaseFile } from "./database-signature.ts";
import { exposedFiles, pathOf } from "./exposed-files.ts";
import { exposureNeeds, stopServingFixes, WSTG_BACKUP_FILES } from "./shared.ts";

/** The file's full size, from Content-Range (a 206 answer) or Content-Length, when the server says. */
function fullSize(exchange: Exchange): number | undefined {
  const headers = exchange.response?.headers ?? [];
  const range = /\/(\d+)\s*$/.exec(headerValue(headers, "content-range") ?? "");
  const size = Number(range?.[1] ?? headerValue(headers, "content-length"));
  return Number.isFinite(size) && size > 0 ? size : undefined;
}

export const databaseFileCheck: Check = {
  meta: {
    id: "exposure.database-file",
    title: "A database file can be downloaded",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
    cwe: "CWE-552",
    references: [
      WSTG_BACKUP_FILES,
      {
        title: "CWE-552: Files or Directories Accessible to External Parties",
        url: "https://cwe.mitre.org/data/definitions/552.html",
      },
      { title: "SQLite database file format", url: "https://www.sqlite.org/fileformat.html" },
    ],
    explanation:
      "Your app's database file (SQLite: `db.sqlite3`, `database.sqlite`, `*.db`) sits in the folder the web server serves, so anyone can download the whole database: every user, email address, password hash and order. " +
      "This happens when the app keeps its SQLite file next to its code and the project folder is served, or when the file is copied into `public/`. We read only its first 4 KiB to recognise it.",
    fixes: stopServingFixes("database files", {
      nginx:
        "Move the database out of the web root now (e.g. `/var/lib/app/db.sqlite3`), treat its contents as leaked (reset sessions, tell users if it held personal data), and refuse `*.sqlite`, `*.sqlite3` and `*.db`:\n```nginx\nlocation ~* \\.(?:sqlite3?|db)$ { deny all; }\n```",
      express:
        "Keep the database file outside the served folder (e.g. `path.join(__dirname, '..', 'data', 'app.db')`) and treat its contents as leaked.",
      nextjs:
        "Never keep a SQLite file in `public/`: put it outside the project's served files (or use a hosted database) and treat its contents as leaked.",
      fastapi:
        "Keep the SQLite file outside any mounted static directory (`sqlite:////var/lib/app/app.db`) and treat its contents as leaked.",
    }),
    learn: "exposed-files#database-file",
    needs: exposureNeeds("database"),
  },
  analyse(artifacts) {
    const files = exposedFiles(artifacts, "database", (exchange) => databaseFile(exchange) !== undefined);
    return files.map((exchange) => {
      const file = databaseFile(exchange)!;
      const size = fullSize(exchange);
      const hex = [...exchange.response!.body.subarray(0, 16)]
        .map((byte) => byte.toString(16).padStart(2, "0"))
        .join(" ");
      return {
        url: exchange.request.url,
        summary:
          `${pathOf(exchange)} is served and is a ${file.format}${size ? ` of about ${formatBytes(size)}` : ""}.` +
          (file.tables.length > 0 ? ` Its first tables: ${file.tables.join(", ")}.` : ""),
        evidence: [
          evidenceFrom(exchange, `The first bytes are the SQLite header ("SQLite format 3").`, {
            headers: ["content-type", "content-length", "content-range"],
            excerpt: `${hex} … (${file.format}, page size ${file.pageSize}; only the first 4 KiB were requested)`,
          }),
        ],
        details: {
          path: pathOf(exchange),
          format: file.format,
          ...(file.tables.length > 0 ? { tables: file.tables.join(",") } : {}),
          ...(size ? { bytes: String(size) } : {}),
        },
      };
    });
  },
};

function formatBytes(bytes: number): string {
  if (bytes >= 1024 ** 3) return `${(bytes / 1024 ** 3).toFixed(1)} GB`;
  if (bytes >= 1024 ** 2) return `${(bytes / 1024 ** 2).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}
