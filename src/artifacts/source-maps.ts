import { type Recording, bodyText, type Exchange, defineProbeArtifact } from "../core/index.ts";
import { inlineSourceMap } from "./inline-source-map.ts";

/** The probe that fetches the bundles' source maps (written by probes/exposure, read here). */
export const SOURCE_MAPS_PROBE = "source-maps";
export const SOURCE_MAP_ROLE = "source-map";

/** Bounds on what is read out of a hostile map. */
const MAX_SOURCES = 5_000;
const MAX_SOURCE_PATH = 500;
const MAX_CONTENT_CHARS = 32 * 1024 * 1024;

export interface SourceFile {
  /** The original file's path as the map names it ("webpack://app/src/lib/api.ts"). */
  path: string;
  text: string;
}

/** A served JavaScript source map, parsed as far as it goes. */
export interface SourceMap {
  /** The map's URL (for an inline map: the bundle's URL). */
  url: string;
  /** The exchange that carried it (the map, or the bundle for an inline map). */
  exchange: Exchange;
  bundleUrl: string;
  via: string;
  inline: boolean;
  sources: string[];
  /** Original files whose full text the map carries (sourcesContent). */
  contents: SourceFile[];
  /** The body was cut short; what is here was read from its start. */
  truncated: boolean;
}

/** Every source map that answered with a valid version-3 map, fetched or inline, in bundle order. */
export const SourceMaps = defineProbeArtifact("source-maps", (artifacts: Recording): SourceMap[] => {
  const maps: SourceMap[] = [];
  for (const exchange of artifacts.exchanges) {
    if (
      exchange.probe !== SOURCE_MAPS_PROBE ||
      exchange.labels.role !== SOURCE_MAP_ROLE ||
      !exchange.response ||
      exchange.response.status >= 300
    )
      continue;
    const parsed = parseSourceMap(bodyText(exchange.response), exchange.response.truncated !== undefined);
    if (!parsed) continue;
    maps.push({
      url: exchange.request.url,
      exchange,
      bundleUrl: exchange.labels.bundle ?? "",
      via: exchange.labels.via ?? "",
      inline: false,
      ...parsed,
    });
  }
  const byId = new Map(artifacts.exchanges.map((exchange) => [exchange.id, exchange]));
  for (const bundle of artifacts.discovery.bundles) {
    const exchange = byId.get(bundle.exchangeId);
    const json = exchange && inlineSourceMap(exchange);
    const parsed = json ? parseSourceMap(json, false) : undefined;
    if (!exchange || !parsed) continue;
    maps.push({ url: bundle.url, exchange, bundleUrl: bundle.url, via: "inline", inline: true, ...parsed });
  }
  return maps;
});

type Parsed = Pick<SourceMap, "sources" | "contents" | "truncated">;

/**
 * A source map is JSON with version 3 and either mappings + sources or sections (an index map). A
 * truncated map is read from its start: its version, sources and the sourcesContent strings that arrived
 * whole. Anything else (an HTML shell, a JSON error) is not a map.
 */
export function parseSourceMap(text: string, truncated: boolean): Parsed | undefined {
  const body = text.replace(/^\)\]\}'[^\n]*\n/, "").trimStart();
  if (!body.startsWith("{")) return undefined;
  try {
    return fromJson(JSON.parse(body) as unknown);
  } catch {
    return truncated ? fromPrefix(body) : undefined;
  }
}

function fromJson(value: unknown): Parsed | undefined {
  if (typeof value !== "object" || value === null) return undefined;
  const map = value as Record<string, unknown>;
  if (map.version !== 3) return undefined;
  if (Array.isArray(map.sections)) {
    const parts = map.sections
      .slice(0, 100)
      .map((section) => fromJson((section as Record<string, unknown> | null)?.map))
      .filter((part): part is Parsed => part !== undefined);
    return {
      sources: parts.flatMap((part) => part.sources).slice(0, MAX_SOURCES),
      contents: parts.flatMap((part) => part.contents),
      truncated: false,
    };
  }
  if (typeof map.mappings !== "string" || !Array.isArray(map.sources)) return undefined;
  const sources = map.sources.slice(0, MAX_SOURCES).map((source) => pathOf(source));
  const contents: SourceFile[] = [];
  let total = 0;
  if (Array.isArray(map.sourcesContent)) {
    map.sourcesContent.slice(0, MAX_SOURCES).forEach((content, index) => {
      if (typeof content !== "string" || total >= MAX_CONTENT_CHARS) return;
      total += content.length;
      contents.push({ path: sources[index] ?? `source ${index + 1}`, text: content });
    });
  }
  return { sources, contents, truncated: false };
}

function pathOf(source: unknown): string {
  return typeof source === "string" ? source.slice(0, MAX_SOURCE_PATH) : "";
}

/** Reads version, sources and whole sourcesContent strings from the start of a cut-off map. */
function fromPrefix(body: string): Parsed | undefined {
  if (
    !/^\{[^]{0,200}?"version"\s*:\s*3\b/.test(body) &&
    !/"version"\s*:\s*3\s*[,}]/.test(body.slice(0, 4096))
  )
    return undefined;
  const sources = stringArray(body, "sources");
  if (!sources) return undefined;
  const contents: SourceFile[] = [];
  const texts = stringArray(body, "sourcesContent") ?? [];
  texts.forEach((text, index) => {
    if (text) contents.push({ path: sources[index] ?? `source ${index + 1}`, text });
  });
  return { sources: sources.map((s) => s ?? "").slice(0, MAX_SOURCES), contents, truncated: true };
}

/** The strings of `"name": [ ... ]` up to where the text ends (nulls kept as null). */
function stringArray(body: string, name: string): Array<string | null> | undefined {
  const key = new RegExp(`"${name}"\\s*:\\s*\\[`).exec(body);
  if (!key) return undefined;
  const items: Array<string | null> = [];
  let at = key.index + key[0].length;
  let total = 0;
  while (at < body.length && items.length < MAX_SOURCES && total < MAX_CONTENT_CHARS) {
    while (at < body.length && /[\s,]/.test(body[at]!)) at++;
    if (body[at] === "]") break;
    if (body.startsWith("null", at)) {
      items.push(null);
      at += 4;
      continue;
    }
    const end = body[at] === '"' ? closingQuote(body, at) : -1;
    if (end === -1) break;
    try {
      const value = JSON.parse(body.slice(at, end + 1)) as string;
      items.push(value);
      total += value.length;
    } catch {
      break;
    }
    at = end + 1;
  }
  return items;
}

/** The offset of the quote that closes the JSON string opening at `open`, or -1 when the text ends first. */
function closingQuote(body: string, open: number): number {
  for (let at = body.indexOf('"', open + 1); at !== -1; at = body.indexOf('"', at + 1)) {
    let backslashes = 0;
    while (body[at - 1 - backslashes] === "\\") backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}
