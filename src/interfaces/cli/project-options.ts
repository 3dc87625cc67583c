import type { IgnoreRule } from "../../engine/index.ts";
import { loadConfig, type ProjectConfig, withEnvironment } from "./config-file.ts";
import type { DeclaredOptions } from "./declared-options.ts";
import { loadIgnoreFile } from "./ignore-file.ts";

/** What a command needs of the options a project file may set. */
export interface ProjectOptionFields {
  format?: string;
  output?: string;
  failOn?: string;
  baseline?: string;
  config?: string;
  ignoreFile?: string;
  budget?: number;
  timeout?: number;
  concurrency?: number;
  only?: string[];
  ignore?: string[];
  header?: string[];
  cookie?: string[];
}

/** The config key for each option of the command line. */
const FROM_CONFIG = {
  failOn: "failOn",
  format: "format",
  output: "output",
  baseline: "baseline",
  budget: "budget",
  timeout: "timeout",
  concurrency: "concurrency",
  only: "only",
  ignore: "skip",
  cookie: "cookies",
} as const satisfies Partial<Record<keyof ProjectOptionFields, keyof ProjectConfig>>;

/**
 * The command's options with the project's config under them (a flag given on the command line wins), and
 * the ignore rules of the config and of the ignore file together. A string says why they cannot serve.
 */
export async function withProjectFiles<T extends ProjectOptionFields>(
  opts: T,
  declared: DeclaredOptions,
  cwd: string = process.cwd(),
  env: NodeJS.ProcessEnv = process.env,
): Promise<{ opts: T; ignore: IgnoreRule[]; config?: string } | string> {
  const read = await loadConfig(opts.config, cwd);
  if (typeof read === "string") return read;
  const sends = declared.names.has("header") || declared.names.has("cookie");
  const config = read && sends ? withEnvironment(read, env) : read;
  if (typeof config === "string") return config;
  const ignoreFile = await loadIgnoreFile(opts.ignoreFile, cwd);
  if (typeof ignoreFile === "string") return ignoreFile;
  if (!config) return { opts, ignore: ignoreFile };
  const merged: Record<string, unknown> = { ...(opts as Record<string, unknown>) };
  for (const [option, key] of Object.entries(FROM_CONFIG)) {
    const value = config[key];
    if (value !== undefined && declared.names.has(option) && declared.source(option) !== "cli")
      merged[option] = value;
  }
  // Headers merge by name: the config's `X-Scan: ci` stays when the command line adds an Authorization.
  if (config.headers && opts.header !== undefined) {
    const given = new Set(opts.header.map((header) => header.split(":")[0]!.trim().toLowerCase()));
    merged.header = [
      ...Object.entries(config.headers)
        .filter(([name]) => !given.has(name.toLowerCase()))
        .map(([name, value]) => `${name}: ${value}`),
      ...opts.header,
    ];
  }
  return { opts: merged as T, ignore: [...(config.ignore ?? []), ...ignoreFile], config: config.source };
}

/** The warning for an ignore entry past its expiry: what it accepted counts again, and someone should look. */
export function expiredWarning(rule: IgnoreRule): string {
  return `amihackable: ${rule.source ?? "an ignore entry"} (${rule.id ?? rule.fingerprint}) expired on ${rule.expires}, so what it accepted counts again; look at it and renew or remove the entry.\n`;
}
