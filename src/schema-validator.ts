import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { Ajv2020, ErrorObject } from "ajv/dist/2020.js";
import type addFormats from "ajv-formats";
import { packageFile } from "./package-root.ts";

/**
 * Ajv and its formats are CommonJS, so they load synchronously, and only when a file someone hands us (a
 * recording, a config, an ignore list) is checked: a scan never needs them and starts faster without them.
 */
const requireCommonJs = createRequire(import.meta.url);

/** One Ajv per way of reporting: every problem, or the first only. */
const validators = new Map<boolean, Ajv2020>();

function sharedAjv(everyProblem: boolean): Ajv2020 {
  const known = validators.get(everyProblem);
  if (known) return known;
  const { Ajv2020: Ajv } = requireCommonJs("ajv/dist/2020.js") as { Ajv2020: typeof Ajv2020 };
  const formats = requireCommonJs("ajv-formats") as { default: typeof addFormats.default };
  // Strict, except that `anyOf: [{ required: [fingerprint] }, { required: [id] }]` may name keys that the
  // entry's own `properties` declare rather than each branch.
  const ajv = new Ajv({ allErrors: everyProblem, strict: true, strictRequired: false });
  formats.default(ajv);
  validators.set(everyProblem, ajv);
  return ajv;
}

/** Says what is wrong with a value, at most a few sentences; none when it fits the schema. */
export type SchemaCheck = (value: unknown) => string[];

const compiled = new Map<string, SchemaCheck>();

/**
 * A check of values against one of the package's schemas (`schemas/config.schema.json`), or a part of one
 * named by a JSON pointer (`#/$defs/ignoreEntry`). Problems name where they are, as a path a person reads.
 * `everyProblem` says them all (at most five), so a person fixes a small file they wrote in one go; a large
 * hostile file (a recording) is refused at its first problem, without gathering millions of errors.
 */
export function schemaCheck(file: string, pointer = "", everyProblem = false): SchemaCheck {
  const key = `${file}${pointer}${everyProblem}`;
  const known = compiled.get(key);
  if (known) return known;
  const validator = sharedAjv(everyProblem);
  let validate = validator.getSchema(file);
  if (!validate) {
    const schema = JSON.parse(readFileSync(packageFile(file), "utf8")) as { $id?: string };
    validator.addSchema(schema, file);
    validate = validator.getSchema(file)!;
  }
  if (pointer) {
    const id = (validate.schema as { $id?: string }).$id ?? file;
    validate = validator.compile({ $ref: `${id}${pointer}` });
  }
  const run = validate;
  const check: SchemaCheck = (value) => (run(value) ? [] : describeAll(run.errors ?? []));
  compiled.set(key, check);
  return check;
}

/**
 * Ajv's errors as sentences. An `anyOf` of required keys ("a fingerprint or an id") comes as one error per
 * branch plus the `anyOf` itself: they are said once, as the choice they are.
 */
function describeAll(errors: readonly ErrorObject[]): string[] {
  const sentences: string[] = [];
  for (const error of errors) {
    if (error.keyword === "required" && error.schemaPath.includes("/anyOf/")) continue;
    if (error.keyword === "anyOf") {
      const choices = errors
        .filter(
          (e) =>
            e.keyword === "required" &&
            e.instancePath === error.instancePath &&
            e.schemaPath.startsWith(`${error.schemaPath}/`),
        )
        .map((e) => `"${String((e.params as { missingProperty: unknown }).missingProperty)}"`);
      sentences.push(`${where(error)} needs ${choices.length > 0 ? choices.join(" or ") : "another shape"}`);
      continue;
    }
    sentences.push(describe(error));
  }
  return [...new Set(sentences)].slice(0, 5);
}

/** `/ignore/0` as `ignore[0]`, so a person finds the entry. */
function where(error: ErrorObject): string {
  return (
    error.instancePath
      .split("/")
      .slice(1)
      .map((part) => part.replaceAll("~1", "/").replaceAll("~0", "~"))
      .reduce(
        (path, part) => (/^\d+$/.test(part) ? `${path}[${part}]` : path ? `${path}.${part}` : part),
        "",
      ) || "the top level"
  );
}

/** Ajv's message with what it refers to. */
function describe(error: ErrorObject): string {
  const at = where(error);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === "additionalProperties")
    return `${at}: unknown key "${String(params.additionalProperty)}"`;
  if (error.keyword === "required") return `${at}: "${String(params.missingProperty)}" is missing`;
  if (error.keyword === "enum")
    return `${at} must be one of ${(params.allowedValues as unknown[]).map(String).join(", ")}`;
  return `${at} ${error.message ?? "is invalid"}`;
}
