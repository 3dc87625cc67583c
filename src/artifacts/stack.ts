import {
  type Recording,
  bodyText,
  headerValue,
  type Stack,
  defineArtifact,
  type Exchange,
} from "../core/index.ts";

/** Stack signals are read from the scan's first exchanges only (in the order recorded) and the page. */
export const STACK_WINDOW = 50;

/**
 * Guesses the site's stack from what it sends, to pre-select fixes. A guess, never a finding: the
 * signals are headers and markup that frameworks emit by default.
 */
export const DetectedStack = defineArtifact("detected-stack", (artifacts: Recording): Stack[] => {
  const found = new Set<Stack>(headerStacks(artifacts.exchanges));
  const page = artifacts.exchanges.find((exchange) => exchange.id === artifacts.discovery.pageExchangeId);
  const html = bodyText(page?.response);
  if (html.includes("__NEXT_DATA__") || html.includes("/_next/static/")) found.add("nextjs");
  if (/\/assets\/index-[\w-]{6,}\.js/.test(html) || html.includes("/@vite/client")) found.add("vite");
  if (/https:\/\/[a-z0-9]{20}\.supabase\.co/.test(html)) found.add("supabase");
  return [...found];
});

/** The stacks the headers of the window's exchanges show, in the order they first show. */
function headerStacks(exchanges: readonly Exchange[]): Stack[] {
  const found = new Set<Stack>();
  for (const exchange of exchanges.slice(0, STACK_WINDOW)) {
    const headers = exchange.response?.headers ?? [];
    const poweredBy = (headerValue(headers, "x-powered-by") ?? "").toLowerCase();
    const server = (headerValue(headers, "server") ?? "").toLowerCase();
    if (
      poweredBy.includes("next.js") ||
      headerValue(headers, "x-nextjs-cache") ||
      headerValue(headers, "x-nextjs-prerender")
    )
      found.add("nextjs");
    if (poweredBy.includes("express")) found.add("express");
    if (server.includes("uvicorn") || server.includes("hypercorn")) found.add("fastapi");
    if (server.includes("nginx")) found.add("nginx");
    if (server.includes("apache")) found.add("apache");
    if (server === "vercel" || headerValue(headers, "x-vercel-id")) found.add("vercel");
    if (server.includes("netlify") || headerValue(headers, "x-nf-request-id")) found.add("netlify");
    if (server === "cloudflare" || headerValue(headers, "cf-ray")) found.add("cloudflare");
    if (poweredBy.includes("php") && (headerValue(headers, "set-cookie") ?? "").includes("laravel_session"))
      found.add("laravel");
  }
  return [...found];
}

/**
 * Whether a recording still being gathered already decides which detected stack a check with these fixes
 * gets (the first detected one it has a fix for, in detection order), so a finding judged now carries the
 * fix and AI prompt the final report will. Exchanges are only ever appended, so the stacks the recorded
 * part of the window shows come first, in the same order, in the final list: once one has a fix, later
 * exchanges cannot change the choice. Otherwise the choice is known once the window is full and the page
 * (whose markup adds stacks after the headers' ones) is known.
 */
export function stackChoiceSettled(
  recording: Recording,
  fixes: Readonly<Partial<Record<Stack, string>>>,
): boolean {
  if (headerStacks(recording.exchanges).some((stack) => fixes[stack] !== undefined)) return true;
  return recording.exchanges.length >= STACK_WINDOW && recording.discovery.pageExchangeId !== undefined;
}
