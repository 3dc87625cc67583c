import { type Recording, bodyText, type Exchange, defineProbeArtifact } from "../core/index.ts";
import {
  scanText,
  type KeyMatch,
  positionOf,
  publicEnvPrefix,
  variableBefore,
  replaceSpans,
  type Span,
} from "../secrets/index.ts";
import { SourceMaps } from "./source-maps.ts";

/** Characters of context shown on each side of a key in evidence (redacted). */
const EXCERPT_CONTEXT = 120;

export type SightingPlace = "html" | "bundle" | "source-map";

/** A credential found in something the browser downloads. Holds the full value: never print `match.secret`. */
export interface SecretSighting {
  match: KeyMatch;
  findingId: string;
  /** The URL of what contained it: the page, a bundle, or a source map. */
  url: string;
  exchange: Exchange;
  place: SightingPlace;
  /** For a source map: the original file's path inside it. */
  sourcePath?: string;
  line: number;
  column: number;
  /** The variable or property it is assigned to, when the code shows one. */
  variable?: string;
  /** NEXT_PUBLIC_, VITE_, ...: the prefix that made the bundler ship it. */
  publicPrefix?: string;
  /** HTML only: "inline script", "__NEXT_DATA__ JSON", ... */
  container?: string;
  /** The code around it, every key in it redacted. */
  excerpt: string;
  /** "line 3, column 18 of https://.../index.js" */
  where: string;
}

interface ScannedSource {
  text: string;
  url: string;
  exchange: Exchange;
  place: SightingPlace;
  sourcePath?: string;
}

/** Every secret (not public-by-design key) in the page, the same-site bundles and source-map sources. */
export const SecretSightings = defineProbeArtifact(
  "secret-sightings",
  (artifacts: Recording): SecretSighting[] => {
    const sightings: SecretSighting[] = [];
    for (const source of scannedSources(artifacts)) {
      const matches = scanText(source.text);
      for (const match of matches) {
        if (match.kind !== "secret") continue;
        sightings.push(sighting(source, match, matches));
      }
    }
    return sightings;
  },
);

function scannedSources(artifacts: Recording): ScannedSource[] {
  const byId = new Map(artifacts.exchanges.map((exchange) => [exchange.id, exchange]));
  const sources: ScannedSource[] = [];
  const page =
    artifacts.discovery.pageExchangeId !== undefined
      ? byId.get(artifacts.discovery.pageExchangeId)
      : undefined;
  if (page?.response) {
    sources.push({ text: bodyText(page.response), url: page.request.url, exchange: page, place: "html" });
  }
  for (const bundle of artifacts.discovery.bundles) {
    const exchange = byId.get(bundle.exchangeId);
    if (!exchange?.response || exchange.id === page?.id) continue;
    sources.push({ text: bodyText(exchange.response), url: exchange.request.url, exchange, place: "bundle" });
  }
  for (const map of SourceMaps.of(artifacts)) {
    for (const file of map.contents) {
      sources.push({
        text: file.text,
        url: map.url,
        exchange: map.exchange,
        place: "source-map",
        sourcePath: file.path,
      });
    }
  }
  return sources;
}

function sighting(source: ScannedSource, match: KeyMatch, all: readonly KeyMatch[]): SecretSighting {
  const { line, column } = positionOf(source.text, match.start);
  const variable = variableBefore(source.text, match.start);
  const publicPrefix = publicEnvPrefix(variable);
  const container = source.place === "html" ? htmlContainer(source.text, match.start) : undefined;
  const position = `line ${line}, column ${column}`;
  const where =
    source.place === "source-map"
      ? `${source.sourcePath ?? "a source file"} (${position}) inside the source map ${source.url}`
      : `${position} of ${source.url}${container ? ` (${container})` : ""}`;
  return {
    match,
    findingId: match.rule.findingId,
    url: source.url,
    exchange: source.exchange,
    place: source.place,
    ...(source.sourcePath !== undefined ? { sourcePath: source.sourcePath } : {}),
    line,
    column,
    ...(variable ? { variable } : {}),
    ...(publicPrefix ? { publicPrefix } : {}),
    ...(container ? { container } : {}),
    excerpt: redactedExcerpt(source.text, match, all),
    where,
  };
}

/**
 * The text around a key with every key in it (and the parts that belong with them, such as an AWS secret
 * access key) replaced by its redacted form. Spans cut by the window's edge are widened, never split.
 */
export function redactedExcerpt(text: string, match: KeyMatch, all: readonly KeyMatch[]): string {
  const pieces = all.flatMap((other) => [
    { start: other.start, end: other.end, replacement: other.redacted },
    ...(other.verdict.related ?? []).map(([start, end]) => ({ start, end, replacement: "…" })),
  ]);
  let from = Math.max(0, match.start - EXCERPT_CONTEXT);
  let to = Math.min(text.length, match.end + EXCERPT_CONTEXT);
  for (let widened = true; widened;) {
    widened = false;
    for (const piece of pieces) {
      if (piece.end <= from || piece.start >= to) continue;
      if (piece.start < from || piece.end > to) {
        from = Math.min(from, piece.start);
        to = Math.max(to, piece.end);
        widened = true;
      }
    }
  }
  const spans: Span[] = pieces
    .filter((piece) => piece.end > from && piece.start < to)
    .map((piece) => ({ start: piece.start - from, end: piece.end - from, replacement: piece.replacement }));
  return `${from > 0 ? "…" : ""}${replaceSpans(text.slice(from, to), spans)}${to < text.length ? "…" : ""}`;
}

/** Which part of an HTML document an offset falls in: an inline script, a JSON data block, or markup. */
export function htmlContainer(html: string, offset: number): string | undefined {
  const open = html.lastIndexOf("<script", offset);
  if (open === -1) return undefined;
  const close = html.indexOf("</script", open);
  if (close !== -1 && close < offset) return undefined;
  const tag = html.slice(open, Math.min(html.indexOf(">", open) + 1 || offset, offset));
  const id = /\sid=["']?([\w-]{1,64})/i.exec(tag)?.[1];
  const type = /\stype=["']?([\w/+.-]{1,64})/i.exec(tag)?.[1]?.toLowerCase();
  if (id === "__NEXT_DATA__") return "__NEXT_DATA__ JSON";
  if (type?.includes("json")) return `JSON data block${id ? ` #${id}` : ""}`;
  return `inline script${id ? ` #${id}` : ""}`;
}
