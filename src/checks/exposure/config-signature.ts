import { bodyText, type Exchange, mimeType } from "../../core/index.ts";
import { isPlaceholder } from "../../secrets/index.ts";

/** One setting of a served config file: its name (a dotted path for nested formats) and its value. */
export interface ConfigSetting {
  name: string;
  value: string;
}

export interface ConfigFile {
  /** "docker-compose file", ".npmrc", "PHP configuration", ... */
  format: string;
  settings: ConfigSetting[];
  /** Settings whose name says secret and whose value is filled in (not empty, not a template). */
  secrets: ConfigSetting[];
}

/** Names that hold credentials in configs of every kind. */
const SECRET_NAME =
  /pass(?:word|wd|phrase)?(?:$|[^a-z])|pwd$|secret|private[_-]?key|connection[_-]?strings?|credential|auth[_-]?token|^_auth$|access[_-]?key|api[_-]?key|token$|DB_PASSWORD|AUTH_KEY|SALT$/i;
/** Values that are public by design even under a secret-sounding name (Firebase web keys, Stripe pk_). */
const PUBLIC_VALUE = /^(?:AIza[\w-]{30,}|pk_(?:live|test)_|sb_publishable_)/;
const MAX_SETTINGS = 500;
const MAX_DEPTH = 8;

/** A value someone filled in: not empty, not a template, not a public-by-design key. */
function filledIn(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 4 || isPlaceholder(trimmed) || PUBLIC_VALUE.test(trimmed)) return false;
  return !/^(?:true|false|null|none|yes|no|\d+|x+|\*+|\$\w+|%\w+%)$/i.test(trimmed);
}

function secretsOf(settings: ConfigSetting[]): ConfigSetting[] {
  return settings.filter(
    (setting) => SECRET_NAME.test(setting.name.split(".").at(-1) ?? "") && filledIn(setting.value),
  );
}

function result(format: string, settings: ConfigSetting[]): ConfigFile {
  return { format, settings: settings.slice(0, MAX_SETTINGS), secrets: secretsOf(settings) };
}

/**
 * A served configuration file, recognised by its format's own shape: `.htpasswd` lines of user:hash, an
 * AWS credentials profile, `.npmrc` settings, a docker-compose `services:` map, an IIS `web.config`,
 * ASP.NET `appsettings.json`, a PHP config (a backup such as `wp-config.php.bak`), or a generic JSON/YAML
 * file, which counts only when it holds a filled-in secret (a front end's public config.json does not).
 * HTML never counts, whatever its status.
 */
export function configFile(exchange: Exchange): ConfigFile | undefined {
  const response = exchange.response;
  if (!response || response.body.length === 0) return undefined;
  const type = mimeType(response.headers);
  if (type === "text/html" || type.startsWith("image/")) return undefined;
  const text = bodyText(response).replace(/^\uFEFF/, "");
  if (text.includes("\0")) return undefined;
  const start = text.trimStart();
  if (/^<\?php\b/.test(start)) return phpConfig(text);
  if (/^<(?:\?xml[^>]*>\s*)?(?:<!--[\s\S]*?-->\s*)*<configuration[\s>]/.test(start)) return webConfig(text);
  if (start.startsWith("<")) return undefined;
  if (start.startsWith("{")) return jsonConfig(text, response.truncated !== undefined);
  return htpasswd(text) ?? awsCredentials(text) ?? npmrc(text) ?? yamlConfig(text);
}

function phpConfig(text: string): ConfigFile | undefined {
  const settings: ConfigSetting[] = [];
  for (const match of text.matchAll(
    /define\(\s*['"]([A-Z_][A-Z0-9_]{1,60})['"]\s*,\s*(['"])((?:(?!\2)[^\\]|\\.){0,400})\2/g,
  ))
    settings.push({ name: match[1]!, value: match[3]! });
  for (const match of text.matchAll(/\$(\w{1,60})\s*=\s*(['"])((?:(?!\2)[^\\]|\\.){0,400})\2\s*;/g))
    settings.push({ name: match[1]!, value: match[3]! });
  for (const match of text.matchAll(/['"](\w{1,60})['"]\s*=>\s*(['"])((?:(?!\2)[^\\]|\\.){0,400})\2/g))
    settings.push({ name: match[1]!, value: match[3]! });
  // Any PHP file assigns strings; a config names a database or a secret among them.
  if (
    !settings.some((setting) =>
      /^DB_|database|db_?(?:host|name|user|pass)|password|secret|AUTH_KEY/i.test(setting.name),
    )
  )
    return undefined;
  return result("PHP configuration", settings);
}

function webConfig(text: string): ConfigFile | undefined {
  if (!/<(?:system\.webServer|system\.web|appSettings|connectionStrings)[\s>]/.test(text)) return undefined;
  const settings: ConfigSetting[] = [];
  for (const match of text.matchAll(
    /<add\s[^>]{0,1000}?\bkey="([^"]{1,120})"[^>]{0,1000}?\bvalue="([^"]{0,1000})"/g,
  ))
    settings.push({ name: match[1]!, value: match[2]! });
  for (const match of text.matchAll(
    /<add\s[^>]{0,1000}?\bname="([^"]{1,120})"[^>]{0,1000}?\bconnectionString="([^"]{0,1000})"/g,
  ))
    settings.push({
      name: `connectionStrings.${match[1]!}`,
      value: /password=|pwd=/i.test(match[2]!) ? match[2]! : "",
    });
  return result("IIS/ASP.NET web.config", settings);
}

function jsonConfig(text: string, truncated: boolean): ConfigFile | undefined {
  if (truncated) return undefined;
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof document !== "object" || document === null || Array.isArray(document)) return undefined;
  const settings: ConfigSetting[] = [];
  const walk = (value: unknown, path: string, depth: number) => {
    if (settings.length >= MAX_SETTINGS || depth > MAX_DEPTH) return;
    if (value !== null && typeof value === "object") {
      for (const [key, child] of Object.entries(value).slice(0, MAX_SETTINGS))
        walk(child, path ? `${path}.${key}` : key, depth + 1);
      return;
    }
    const text =
      typeof value === "string"
        ? value
        : typeof value === "number" || typeof value === "boolean"
          ? `${value}`
          : "";
    settings.push({ name: path, value: text });
  };
  walk(document, "", 0);
  const top = Object.keys(document);
  // ASP.NET's appsettings.json: recognisable without a secret, and its connection strings name the database.
  if (top.includes("ConnectionStrings") || (top.includes("Logging") && top.includes("AllowedHosts")))
    return result("ASP.NET appsettings.json", settings.map(withConnectionStringName));
  const found = result("JSON configuration", settings);
  return found.secrets.length > 0 ? found : undefined;
}

/** Connection strings count as secrets only when they carry a password. */
function withConnectionStringName(setting: ConfigSetting): ConfigSetting {
  if (!/^ConnectionStrings\./.test(setting.name)) return setting;
  return /password=|pwd=/i.test(setting.value) ? setting : { ...setting, value: "" };
}

function htpasswd(text: string): ConfigFile | undefined {
  const lines = meaningfulLines(text);
  if (lines.length === 0) return undefined;
  const hash =
    /^([^:\s]{1,64}):(\$apr1\$[./\w]{1,8}\$[./\w]{22}|\$2[aby]\$\d{2}\$[./\w]{53}|\{SHA\}[\w+/]{27}=|\$[56]\$[^\s:]{8,}|[./\w]{13})$/;
  const users = lines.map((line) => hash.exec(line));
  if (users.some((match) => !match)) return undefined;
  return {
    format: ".htpasswd (user names and password hashes)",
    settings: users.map((match) => ({ name: "user", value: match![2]! })),
    secrets: users.map((match) => ({ name: "password hash", value: match![2]! })),
  };
}

function awsCredentials(text: string): ConfigFile | undefined {
  if (!/^\s*\[[\w .-]{1,64}\]\s*$/m.test(text) || !/^\s*aws_access_key_id\s*=/m.test(text)) return undefined;
  const settings = assignments(text, /^\s*([a-z_]{2,60})\s*=\s*(.*)$/);
  return result("AWS credentials file", settings);
}

function npmrc(text: string): ConfigFile | undefined {
  const lines = meaningfulLines(text);
  if (lines.length === 0) return undefined;
  const settings = assignments(text, /^\s*((?:\/\/[^\s=]{1,200}:)?@?[\w:/.-]{1,100})\s*=\s*(.*)$/);
  if (settings.length / lines.length < 0.8) return undefined;
  if (
    !settings.some((setting) =>
      /(?:^|:)(?:registry|_authToken|_auth|_password|always-auth)$/.test(setting.name),
    )
  )
    return undefined;
  return result(".npmrc", settings);
}

function yamlConfig(text: string): ConfigFile | undefined {
  const lines = meaningfulLines(text);
  if (lines.length < 2) return undefined;
  const keyLine = /^(\s*)(?:-\s+)?([A-Za-z_][\w.-]{0,80})\s*:(?:\s+(.*))?$/;
  const listLine = /^\s*-\s+\S/;
  const keyed = lines.filter((line) => keyLine.test(line) || listLine.test(line));
  if (keyed.length / lines.length < 0.8) return undefined;
  const settings: ConfigSetting[] = [];
  const stack: Array<{ indent: number; name: string }> = [];
  for (const line of lines) {
    const match = keyLine.exec(line);
    if (!match) continue;
    const indent = match[1]!.length;
    while (stack.length > 0 && stack.at(-1)!.indent >= indent) stack.pop();
    const name = [...stack.map((entry) => entry.name), match[2]!].join(".");
    const value = unquote((match[3] ?? "").replace(/\s+#.*$/, "").trim());
    if (value === "" || value === "|" || value === ">") stack.push({ indent, name: match[2]! });
    else settings.push({ name, value });
    // Compose's `KEY=value` list items under environment: are settings too.
  }
  for (const match of text.matchAll(/^\s*-\s+["']?([A-Z_][A-Z0-9_]{1,80})=([^\n"']*)/gm))
    settings.push({ name: match[1]!, value: match[2]! });
  if (/^services:\s*$/m.test(text) && /^\s+(?:image|build):/m.test(text))
    return result("docker-compose file", settings);
  const found = result("YAML configuration", settings);
  return found.secrets.length > 0 ? found : undefined;
}

function meaningfulLines(text: string): string[] {
  return text
    .split(/\r?\n/)
    .slice(0, MAX_SETTINGS)
    .filter((line) => line.trim().length > 0 && !/^\s*[#;]/.test(line));
}

function assignments(text: string, pattern: RegExp): ConfigSetting[] {
  const settings: ConfigSetting[] = [];
  for (const line of meaningfulLines(text)) {
    const match = pattern.exec(line);
    if (match) settings.push({ name: match[1]!, value: unquote(match[2]!.trim()) });
  }
  return settings;
}

function unquote(value: string): string {
  return /^(["']).*\1$/.test(value) ? value.slice(1, -1) : value;
}
