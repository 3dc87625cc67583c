import { existsSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import type { Severity } from "../../core/index.ts";
import type { IgnoreRule } from "../../engine/index.ts";
import { schemaCheck } from "../../schema-validator.ts";
import type { CliFormat } from "./formats.ts";
import { ignoreRulesIn } from "./ignore-file.ts";
import { readProjectFile } from "./project-file.ts";

/** Looked for in the folder the command runs in, when no `--config` names a file. */
export const CONFIG_FILE_NAMES = [
  "amihackable.config.json",
  ".amihackable.yml",
  ".amihackable.yaml",
] as const;

/** The options a project repeats, as schemas/config.schema.json describes them, read and checked. */
export interface ProjectConfig {
  /** The file they were read from, for messages. */
  source: string;
  failOn?: Severity;
  format?: CliFormat;
  output?: string;
  baseline?: string;
  budget?: number;
  timeout?: number;
  concurrency?: number;
  only?: string[];
  /** `--ignore`: checks not to run (named apart from `ignore`, the findings accepted). */
  skip?: string[];
  headers?: Record<string, string>;
  cookies?: string[];
  ignore?: IgnoreRule[];
}

/**
 * The config of `--config FILE`, or the one config file in `cwd`, or none. A string says in one sentence
 * why it cannot serve: a config that is wrong must stop the run, never be half applied.
 */
export async function loadConfig(
  explicit: string | undefined,
  cwd: string,
): Promise<ProjectConfig | undefined | string> {
  let path = explicit;
  if (path === undefined) {
    const present = CONFIG_FILE_NAMES.filter((name) => existsSync(join(cwd, name)));
    if (present.length > 1) return `${present.join(" and ")} are both here: keep one config file`;
    if (present.length === 0) return undefined;
    path = join(cwd, present[0]!);
  }
  const read = await readProjectFile(path);
  if (typeof read === "string") return `--config: ${read}`;
  const source = explicit ?? path.slice(cwd.length + 1);
  const problems = schemaCheck("schemas/config.schema.json", "", true)(read.value ?? {});
  if (problems.length > 0) return `${source}: ${problems.join("; ")}`;
  const {
    $schema: _schema,
    ignore,
    headers,
    cookies,
    output,
    baseline,
    ...rest
  } = (read.value ?? {}) as Omit<ProjectConfig, "source"> & { $schema?: string };
  const config: ProjectConfig = { source, ...rest };
  // Paths are the file's own: a config beside the project means the same wherever the command runs.
  const folder = dirname(resolve(cwd, path));
  if (output !== undefined) config.output = resolve(folder, output);
  if (baseline !== undefined) config.baseline = resolve(folder, baseline);
  if (headers !== undefined) config.headers = headers;
  if (cookies !== undefined) config.cookies = cookies;
  if (ignore !== undefined) {
    const rules = ignoreRulesIn(ignore, `${source} ignore`, "#/$defs/ignoreList");
    if (typeof rules === "string") return rules;
    config.ignore = rules;
  }
  return config;
}

/**
 * The config with `${NAME}` in header and cookie values taken from `env`, so a token stays in the CI's secret
 * store. Only a command that sends requests asks for it: `judge` runs without the CI's secrets.
 */
export function withEnvironment(config: ProjectConfig, env: NodeJS.ProcessEnv): ProjectConfig | string {
  try {
    return {
      ...config,
      ...(config.headers && {
        headers: Object.fromEntries(
          Object.entries(config.headers).map(([name, value]) => [
            name,
            expand(value, `headers.${name}`, env),
          ]),
        ),
      }),
      ...(config.cookies && {
        cookies: config.cookies.map((value, index) => expand(value, `cookies[${index}]`, env)),
      }),
    };
  } catch (error) {
    return `${config.source}: ${(error as Error).message}`;
  }
}

/** `Bearer ${TOKEN}` with TOKEN from the environment; an unset name is an error, never an empty header. */
function expand(value: string, where: string, env: NodeJS.ProcessEnv): string {
  return value.replace(/\$\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (_match, name: string) => {
    const found = env[name];
    if (found === undefined)
      throw new Error(`${where} names \${${name}}, which is not set in the environment`);
    return found;
  });
}
