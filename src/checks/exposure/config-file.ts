import { type Check, bodyText, evidenceFrom, type Exchange } from "../../core/index.ts";
import { findSecrets } from "../../secrets/index.ts";
import { configFile, type ConfigFile } from "./config-signature.ts";
import { exposedFiles, pathOf } from "./exposed-files.ts";
import { exposureNeeds, stopServingFixes, WSTG_BACKUP_FILES, WSTG_FILE_EXTENSIONS } from "./shared.ts";

/** A config without a filled-in secret still maps the infrastructure, but hands over no credential. */
const CVSS_NO_CREDENTIALS = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N";
const NAMES_SHOWN = 30;

/** The settings with every value replaced by its length: what leaked is named, nothing is repeated. */
function redactedSettings(file: ConfigFile): string {
  const lines = file.settings
    .slice(0, NAMES_SHOWN)
    .map((setting) => `${setting.name} = ${setting.value ? `…(${setting.value.length} characters)` : ""}`);
  if (file.settings.length > NAMES_SHOWN) lines.push(`… ${file.settings.length - NAMES_SHOWN} more`);
  return lines.join("\n");
}

function hasCredentials(file: ConfigFile, exchange: Exchange): boolean {
  return file.secrets.length > 0 || findSecrets(bodyText(exchange.response)).length > 0;
}

export const configFileCheck: Check = {
  meta: {
    id: "exposure.config-file",
    title: "A configuration file can be downloaded",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
    cwe: "CWE-538",
    references: [
      WSTG_BACKUP_FILES,
      WSTG_FILE_EXTENSIONS,
      {
        title: "CWE-538: Insertion of Sensitive Information into Externally-Accessible File or Directory",
        url: "https://cwe.mitre.org/data/definitions/538.html",
      },
    ],
    explanation:
      "A configuration file of your app or its tools is served to anyone: `docker-compose.yml`, `.npmrc`, `.htpasswd`, `appsettings.json`, `web.config`, an AWS credentials file, or an editor's backup of a PHP config (`wp-config.php.bak`, `config.php~`), which the server hands out as text instead of running it. " +
      "These files hold database passwords, registry tokens, password hashes and the layout of your infrastructure. Whatever secret is in it should be considered stolen.",
    fixes: stopServingFixes("configuration files and their backups", {
      nginx:
        "**Rotate every password and token in the file first**: it has been public. Then delete it (and any `.bak` or `~` copy) from the web root.",
      express:
        "**Rotate every password and token in the file first**: it has been public. Then keep configuration outside the served folder.",
      nextjs:
        "**Rotate every password and token in the file first**: it has been public. Keep configuration in the project root or environment variables, never in `public/`.",
      fastapi:
        "**Rotate every password and token in the file first**: it has been public. Keep configuration next to your code, outside any mounted static directory.",
      apache:
        "**Rotate every password and token in the file first**: it has been public. Delete editor backups of `.php` files: Apache serves `wp-config.php.bak` as plain text.",
    }),
    learn: "exposed-files#config-file",
    needs: exposureNeeds("config"),
  },
  analyse(artifacts) {
    const files = exposedFiles(artifacts, "config", (exchange) => configFile(exchange) !== undefined);
    return files.map((exchange) => {
      const file = configFile(exchange)!;
      const recognised = [...new Set(findSecrets(bodyText(exchange.response)).map((match) => match.label))];
      const secretNames = [...new Set(file.secrets.map((setting) => setting.name))].slice(0, 10);
      const credentials = hasCredentials(file, exchange);
      return {
        url: exchange.request.url,
        summary:
          `${pathOf(exchange)} is served: ${/^[AEIOU.]/i.test(file.format) ? "an" : "a"} ${file.format} with ${file.settings.length} setting${file.settings.length === 1 ? "" : "s"}.` +
          (secretNames.length > 0 ? ` Filled-in secrets: ${secretNames.join(", ")}.` : "") +
          (recognised.length > 0 ? ` It contains: ${recognised.join(", ")}.` : "") +
          (credentials ? "" : " No filled-in secret was seen."),
        evidence: [
          evidenceFrom(
            exchange,
            `The file parses as a ${file.format}; values are replaced by their length here.`,
            {
              headers: ["content-type", "content-length"],
              excerpt: redactedSettings(file),
            },
          ),
        ],
        ...(credentials ? {} : { cvss: CVSS_NO_CREDENTIALS }),
        details: {
          path: pathOf(exchange),
          format: file.format,
          settings: String(file.settings.length),
          ...(secretNames.length > 0 ? { secretNames: secretNames.join(",") } : {}),
          ...(recognised.length > 0 ? { recognised: recognised.join(", ") } : {}),
        },
      };
    });
  },
};
