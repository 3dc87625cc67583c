import { readFileSync } from "node:fs";
import { VERSION_PATTERN, inRange, isVersion } from "./library-version.ts";
import { type PatternPlan, planPattern } from "./pattern-anchor.ts";
import { packageFile } from "../package-root.ts";

/**
 * The Retire.js vulnerability repository (third-party/retirejs/, Apache-2.0): for each JavaScript library,
 * how to read its version from a URL or a file, and the version ranges with known vulnerabilities.
 * Loaded and compiled once per process, on first use.
 */

/** One vulnerability as the data states it (the fields read here). */
export interface RetireVulnerability {
  atOrAbove?: string;
  below?: string;
  severity?: string;
  cwe?: string[];
  identifiers?: { summary?: string; CVE?: string[]; githubID?: string; [other: string]: unknown };
  info?: string[];
}

interface RetireEntry {
  npmname?: string;
  vulnerabilities?: RetireVulnerability[];
  extractors?: {
    uri?: string[];
    filename?: string[];
    filecontent?: string[];
    filecontentreplace?: string[];
    hashes?: Record<string, string>;
  };
}

/** A library's compiled extractors. Every regex comes from the shipped data, built once. */
export interface LibraryRule {
  /** The data's name for it ("jquery", "angularjs", "moment.js"). */
  library: string;
  /** Matched against a script's whole URL (CDN paths such as `/ajax/libs/jquery/1.12.4/jquery.min.js`). */
  uri: RegExp[];
  /** Matched against the last segment of a script's path, with its leading `/`, up to its end. */
  filename: RegExp[];
  /** Matched against the text of a script: banners and signatures minifiers keep (where: pattern-anchor.ts). */
  content: Array<{ pattern: RegExp; plan: PatternPlan }>;
  /** Content patterns whose version is rebuilt from the match with a replacement (`$2`). */
  contentReplace: Array<{ pattern: RegExp; plan: PatternPlan; replacement: string }>;
}

export interface RetireRepository {
  rules: readonly LibraryRule[];
  /** SHA-1 (hex) of a whole published file → its library and version. */
  hashes: ReadonlyMap<string, { library: string; version: string }>;
  /** npm package name → the data's library name, for CDN URLs that name the package (`/npm/jquery@1.12.4/`). */
  npmNames: ReadonlyMap<string, string>;
  /** URLs the data says never to check (analytics loaders that only look like libraries). */
  ignoredUris: readonly RegExp[];
  vulnerabilities(library: string): readonly RetireVulnerability[];
}

const DATA_FILE = packageFile("third-party/retirejs/jsrepository-v4.json");
/** Entries of the file that are not libraries. */
const NOT_LIBRARIES = new Set(["retire-example", "dont check"]);
const PLACEHOLDER = /§§version§§/g;

let loaded: RetireRepository | undefined;

/** The repository, read and compiled on first use. */
export function retireRepository(): RetireRepository {
  loaded ??= compileRepository(
    JSON.parse(readFileSync(DATA_FILE, "utf8")) as Record<string, RetireEntry>,
    new Set(),
  );
  return loaded;
}

/**
 * Compiles the data. A pattern that does not compile is left out and named in `rejected` (the data test
 * asserts there are none), so one bad line in a refreshed file cannot stop every scan.
 */
export function compileRepository(
  data: Record<string, RetireEntry>,
  rejected: Set<string>,
): RetireRepository {
  const rules: LibraryRule[] = [];
  const hashes = new Map<string, { library: string; version: string }>();
  const npmNames = new Map<string, string>();
  const vulnerabilities = new Map<string, RetireVulnerability[]>();
  const compile = (source: string, anchor: "" | "$" = ""): RegExp | undefined => {
    try {
      return new RegExp(`${source.replace(PLACEHOLDER, `(?:${VERSION_PATTERN})`)}${anchor}`);
    } catch {
      rejected.add(source);
      return undefined;
    }
  };
  const defined = <T>(items: Array<T | undefined>): T[] => items.filter((item) => item !== undefined);
  for (const [library, entry] of Object.entries(data)) {
    if (NOT_LIBRARIES.has(library)) continue;
    const extractors = entry.extractors ?? {};
    vulnerabilities.set(library, entry.vulnerabilities ?? []);
    rules.push({
      library,
      uri: defined((extractors.uri ?? []).map((source) => compile(source))),
      filename: defined((extractors.filename ?? []).map((source) => compile(source, "$"))),
      content: defined(
        (extractors.filecontent ?? []).map((source) => {
          const pattern = compile(source);
          return pattern ? { pattern, plan: planPattern(source) } : undefined;
        }),
      ),
      contentReplace: defined(
        (extractors.filecontentreplace ?? []).map((line) => {
          // Written `/pattern/replacement/`, the pattern itself holding escaped slashes.
          const parts = /^\/(.*[^\\])\/([^/]+)\/$/.exec(line);
          const pattern = parts?.[1] !== undefined ? compile(parts[1]) : undefined;
          if (!pattern || parts?.[2] === undefined) {
            rejected.add(line);
            return undefined;
          }
          return { pattern, plan: planPattern(parts[1] ?? ""), replacement: parts[2] };
        }),
      ),
    });
    for (const [hash, version] of Object.entries(extractors.hashes ?? {})) {
      if (isVersion(version)) hashes.set(hash.toLowerCase(), { library, version });
    }
    const npmName = entry.npmname ?? library;
    // jquery-ui-dialog and its siblings share jquery-ui's package: the package's own entry wins.
    if (npmName === library || !npmNames.has(npmName)) npmNames.set(npmName, library);
  }
  const ignoredUris = defined((data["dont check"]?.extractors?.uri ?? []).map((source) => compile(source)));
  return {
    rules,
    hashes,
    npmNames,
    ignoredUris,
    vulnerabilities: (library) => vulnerabilities.get(library) ?? [],
  };
}

/** The vulnerabilities of the data that affect this version of the library. */
export function vulnerabilitiesOf(library: string, version: string): RetireVulnerability[] {
  return retireRepository()
    .vulnerabilities(library)
    .filter((vulnerability) => inRange(version, vulnerability));
}
