import { type Check, bodyText, evidenceFrom } from "../../core/index.ts";
import { findSecrets } from "../../secrets/index.ts";
import { exposedFiles, originOf, pathOf } from "./exposed-files.ts";
import { logShape } from "./log-signature.ts";
import { maskedHead } from "./masked-lines.ts";
import { exposureNeeds, stopServingFixes, WSTG_BACKUP_FILES } from "./shared.ts";

/** A log holding a recognised credential reads like a leaked secret. */
const CVSS_WITH_CREDENTIALS = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N";

export const logFile: Check = {
  meta: {
    id: "exposure.log-file",
    title: "A log file can be downloaded",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-532",
    references: [
      WSTG_BACKUP_FILES,
      {
        title: "CWE-532: Insertion of Sensitive Information into Log File",
        url: "https://cwe.mitre.org/data/definitions/532.html",
      },
      {
        title: "OWASP Logging Cheat Sheet: data to exclude",
        url: "https://cheatsheetseries.owasp.org/cheatsheets/Logging_Cheat_Sheet.html#data-to-exclude",
      },
    ],
    explanation:
      "A log file your app or server writes (an error log, `debug.log`, `laravel.log`, `npm-debug.log`) is inside the folder the web server serves, so anyone can read it. " +
      "Logs record what went wrong and for whom: file paths, SQL queries, stack traces, email addresses, sometimes session tokens or API keys passed in a URL. They tell an attacker how the app is built and where it breaks. We read only its first 16 KiB.",
    fixes: stopServingFixes("log files", {
      nginx:
        "Write logs outside the web root (`/var/log/...`), delete the served copy, and refuse `*.log` and `error_log`:\n```nginx\nlocation ~* (\\.log|/error_log)$ { deny all; }\n```",
      express:
        "Write logs outside the served folder (or to stdout for your platform to collect), and delete the served copy.",
      nextjs:
        "Never write logs into `public/`: log to stdout (your platform keeps them) and delete the served file.",
      fastapi: "Log to stdout or a file outside any mounted static directory, and delete the served copy.",
      apache:
        'Set `php_value error_log /var/log/php/error.log` (outside the web root) or `log_errors` to a private path, delete the served file, and refuse `*.log`:\n```apache\n<FilesMatch "\\.log$|^error_log$">\n    Require all denied\n</FilesMatch>\n```',
    }),
    learn: "exposed-files#log-file",
    needs: exposureNeeds("log"),
  },
  analyse(artifacts) {
    const files = exposedFiles(artifacts, "log", (exchange) => logShape(exchange) !== undefined);
    return files.map((exchange) => {
      const shape = logShape(exchange)!;
      const recognised = [...new Set(findSecrets(bodyText(exchange.response)).map((match) => match.label))];
      return {
        url: exchange.request.url,
        // A host answering every *.log path with one file reports it once.
        groupKey: `${originOf(exchange)}|${bodyText(exchange.response).slice(0, 512)}`,
        summary:
          `${pathOf(exchange)} is served: a ${shape.format} with ${shape.entries} timestamped entr${shape.entries === 1 ? "y" : "ies"}` +
          `${shape.frames > 0 ? ` and ${shape.frames} stack frame${shape.frames === 1 ? "" : "s"}` : ""} in its first 16 KiB.` +
          (recognised.length > 0 ? ` It contains: ${recognised.join(", ")}.` : ""),
        evidence: [
          evidenceFrom(
            exchange,
            "The file's lines carry timestamps and severity levels; values are masked here.",
            {
              headers: ["content-type", "content-length", "content-range"],
              excerpt: `${maskedHead(exchange)}\n… (emails, tokens and quoted values hidden)`,
            },
          ),
        ],
        ...(recognised.length > 0 ? { cvss: CVSS_WITH_CREDENTIALS } : {}),
        details: {
          path: pathOf(exchange),
          format: shape.format,
          entries: String(shape.entries),
          ...(recognised.length > 0 ? { recognised: recognised.join(", ") } : {}),
        },
      };
    });
  },
};
