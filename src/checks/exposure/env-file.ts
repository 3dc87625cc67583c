import { type Check, bodyText, evidenceFrom, type Exchange, mimeType } from "../../core/index.ts";
import { findSecrets, isPlaceholder } from "../../secrets/index.ts";
import { exposureNeeds, WSTG_BACKUP_FILES, stopServingFixes } from "./shared.ts";
import { exposedFiles, originOf, pathOf } from "./exposed-files.ts";

const ENV_LINE = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]{0,127})\s*=(.*)$/;
const SECRET_NAME =
  /SECRET|PASSW|PWD|TOKEN|API_?KEY|PRIVATE|CREDENTIAL|DATABASE_URL|DB_URL|DSN|AUTH|ACCESS_KEY|SIGNING|SALT|_KEY$/i;
const MAX_LINES = 500;
const NAMES_SHOWN = 30;

/** Only names and nothing secret-looking: still a leak of configuration, but no credential. */
const CVSS_NO_CREDENTIALS = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N";

export interface EnvAssignment {
  name: string;
  value: string;
}

/**
 * An env file is plain text made of KEY=value lines (comments and blanks aside), at least one with the
 * conventional upper-case name. HTML, JSON and binary answers are never env files.
 */
export function parseEnvFile(exchange: Exchange): EnvAssignment[] | undefined {
  const response = exchange.response;
  if (!response) return undefined;
  const type = mimeType(response.headers);
  if (type === "text/html" || type.includes("json") || type.startsWith("image/")) return undefined;
  const text = bodyText(response);
  const start = text.trimStart();
  if (start.startsWith("<") || start.startsWith("{") || start.startsWith("[") || text.includes("\0"))
    return undefined;
  const lines = text
    .split(/\r?\n/)
    .slice(0, MAX_LINES)
    .map((line) => line.trim())
    .filter((line) => line.length > 0 && !line.startsWith("#"));
  if (lines.length === 0) return undefined;
  const assignments: EnvAssignment[] = [];
  for (const line of lines) {
    const match = ENV_LINE.exec(line);
    if (match) assignments.push({ name: match[1] ?? "", value: unquote((match[2] ?? "").trim()) });
  }
  if (assignments.length / lines.length < 0.8) return undefined;
  if (!assignments.some((entry) => /^[A-Z][A-Z0-9_]*$/.test(entry.name) && entry.name.length > 1))
    return undefined;
  return assignments;
}

/**
 * A value someone filled in: not empty and not a template (`your-api-key`, `xxxx`, `\${VAR}`, `changeme`).
 * Honeypots and tutorial sites serve /.env files of placeholders: exposed, but nothing to rotate.
 */
function isFilledIn(value: string): boolean {
  return value.length > 0 && !isPlaceholder(value) && !/^(?:x+|\*+|-+|none|null|todo|tbd)$/i.test(value);
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}

/** The file with every value replaced by its length: names tell the reader what leaked, values never show. */
function redactedEnv(exchange: Exchange): string {
  return bodyText(exchange.response)
    .split(/\r?\n/)
    .slice(0, 40)
    .map((line) => {
      if (line.trim().startsWith("#")) return "# …";
      const match = ENV_LINE.exec(line);
      if (!match) return line.trim() ? "…" : "";
      const value = unquote((match[2] ?? "").trim());
      return `${match[1]}=${value ? `…(${value.length} characters)` : ""}`;
    })
    .join("\n");
}

export const envFile: Check = {
  meta: {
    id: "exposure.env-file",
    title: "Your .env file can be downloaded",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N",
    cwe: "CWE-538",
    references: [
      WSTG_BACKUP_FILES,
      {
        title: "CWE-538: Insertion of Sensitive Information into Externally-Accessible File or Directory",
        url: "https://cwe.mitre.org/data/definitions/538.html",
      },
      {
        title: "OWASP Secrets Management Cheat Sheet",
        url: "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
      },
    ],
    explanation:
      "Your server hands out a `.env`-style file (KEY=value lines) to anyone who asks for it. These files hold the app's configuration and usually its secrets: database passwords, API keys for Stripe, OpenAI or AWS, signing secrets for sessions and JWTs. " +
      "Bots request `/.env` on every site they find, all day long; whatever is in it should be considered stolen. " +
      "This happens when the project folder (rather than only the build output) is what the web server serves, or when a build copies `.env` into the public directory.",
    fixes: stopServingFixes("`.env` files", {
      nginx:
        "**Rotate every secret in the file first**: it has been public. Then move `.env` out of the web root.",
      express:
        "**Rotate every secret in the file first**: it has been public. Then load it with `dotenv` from outside the served folder.",
      nextjs:
        "**Rotate every secret in the file first**: it has been public. Keep `.env*` files in the project root, where Next.js reads them at build time and never serves them.",
      fastapi:
        "**Rotate every secret in the file first**: it has been public. Then keep `.env` next to your code, outside any mounted static directory.",
      vite: "**Rotate every secret in the file first**: it has been public. Vite reads `.env` from the project root (`envDir`), which is never served.",
      vercel:
        "**Rotate every secret in the file first**: it has been public. Put the values in Project Settings → Environment Variables instead of a deployed file.",
      netlify:
        "**Rotate every secret in the file first**: it has been public. Put the values in Site configuration → Environment variables instead of a deployed file.",
    }),
    learn: "exposed-files#env-file",
    needs: exposureNeeds("env"),
  },
  analyse(artifacts) {
    const parsed = new Map<Exchange, EnvAssignment[]>();
    const files = exposedFiles(artifacts, "env", (exchange) => {
      const assignments = parseEnvFile(exchange);
      if (assignments) parsed.set(exchange, assignments);
      return assignments !== undefined;
    });
    return files.map((exchange) => {
      const assignments = parsed.get(exchange) ?? parseEnvFile(exchange) ?? [];
      const names = assignments.map((entry) => entry.name);
      const secretNames = names.filter((name) => SECRET_NAME.test(name));
      const filledSecrets = assignments.filter(
        (entry) => SECRET_NAME.test(entry.name) && isFilledIn(entry.value),
      );
      const recognised = [...new Set(findSecrets(bodyText(exchange.response)).map((match) => match.label))];
      const hasCredentials = filledSecrets.length > 0 || recognised.length > 0;
      const noCredentials =
        secretNames.length > 0
          ? " Its secret-looking settings are empty or placeholders."
          : " None of the names looks like a secret.";
      const shown = names.slice(0, NAMES_SHOWN).join(", ");
      return {
        url: exchange.request.url,
        // Hosts that answer every /.env* path with one file report it once.
        groupKey: `${originOf(exchange)}|${bodyText(exchange.response).length}|${names.join(",")}`,
        summary:
          `${pathOf(exchange)} is served: an env file with ${names.length} setting${names.length === 1 ? "" : "s"} (${shown}${names.length > NAMES_SHOWN ? ", …" : ""}).` +
          (recognised.length > 0 ? ` It contains: ${recognised.join(", ")}.` : "") +
          (hasCredentials ? "" : noCredentials),
        evidence: [
          evidenceFrom(
            exchange,
            `The file answers with KEY=value lines; values are replaced by their length here.`,
            {
              headers: ["content-type", "content-length"],
              excerpt: redactedEnv(exchange),
            },
          ),
        ],
        ...(hasCredentials ? {} : { cvss: CVSS_NO_CREDENTIALS }),
        details: {
          path: pathOf(exchange),
          names: names.slice(0, NAMES_SHOWN).join(","),
          secretNames: secretNames.slice(0, NAMES_SHOWN).join(","),
          ...(recognised.length > 0 ? { recognised: recognised.join(", ") } : {}),
        },
      };
    });
  },
};
