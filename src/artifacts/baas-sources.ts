import { type Recording, bodyText, type Exchange } from "../core/index.ts";

/** One text the browser downloads (the page, whose inline scripts it contains, or a bundle). */
export interface ScannedText {
  url: string;
  exchangeId: number;
  text: string;
}

/** A string literal found in a scanned text, with where it is, for evidence. */
export interface Mention {
  value: string;
  url: string;
  exchangeId: number;
  /** Offset of the value in the text. */
  offset: number;
  /** The variable or property it is assigned to, when the code shows one (`supabaseAnonKey`). */
  variable?: string;
}

/**
 * The texts to look for backend configuration in: the main document (inline scripts included) and every
 * bundle discovery fetched. Takes only what a probe also has, so probes and checks see the same thing.
 */
export function baasSources(artifacts: Pick<Recording, "exchanges" | "discovery">): ScannedText[] {
  const byId = new Map<number, Exchange>(artifacts.exchanges.map((exchange) => [exchange.id, exchange]));
  const ids = [
    ...(artifacts.discovery.pageExchangeId !== undefined ? [artifacts.discovery.pageExchangeId] : []),
    ...artifacts.discovery.bundles.map((bundle) => bundle.exchangeId),
  ];
  const sources: ScannedText[] = [];
  for (const id of new Set(ids)) {
    const exchange = byId.get(id);
    if (!exchange?.response) continue;
    sources.push({ url: exchange.request.url, exchangeId: id, text: bodyText(exchange.response) });
  }
  return sources;
}

/** Short names (`e`, `t`) are minifier output and tell the reader nothing. */
const ASSIGNMENT_BEFORE = /([A-Za-z_$][\w$]{2,80})["']?\s*[:=]\s*["'`]$/;

/** The name a literal at `offset` is assigned to (`name = "..."`, `name: "..."`), if the code shows one. */
export function variableBefore(text: string, offset: number): string | undefined {
  const before = text.slice(Math.max(0, offset - 100), offset);
  return ASSIGNMENT_BEFORE.exec(before)?.[1];
}

export function mentionAt(source: ScannedText, value: string, offset: number): Mention {
  const variable = variableBefore(source.text, offset);
  return {
    value,
    url: source.url,
    exchangeId: source.exchangeId,
    offset,
    ...(variable ? { variable } : {}),
  };
}

/** Adds a name once, keeping first-seen order, up to a bound (hostile bundles can name thousands). */
export function addBounded(list: string[], name: string, max: number): void {
  if (list.length < max && !list.includes(name)) list.push(name);
}
