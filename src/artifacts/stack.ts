import { type Recording, bodyText, headerValue, type Stack, defineArtifact } from "../core/index.ts";

/**
 * Guesses the site's stack from what it sends, to pre-select fixes. A guess, never a finding: the
 * signals are headers and markup that frameworks emit by default.
 */
export const DetectedStack = defineArtifact("detected-stack", (artifacts: Recording): Stack[] => {
  const found = new Set<Stack>();
  const page = artifacts.exchanges.find((exchange) => exchange.id === artifacts.discovery.pageExchangeId);
  for (const exchange of artifacts.exchanges.slice(0, 50)) {
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
  const html = bodyText(page?.response);
  if (html.includes("__NEXT_DATA__") || html.includes("/_next/static/")) found.add("nextjs");
  if (/\/assets\/index-[\w-]{6,}\.js/.test(html) || html.includes("/@vite/client")) found.add("vite");
  if (/https:\/\/[a-z0-9]{20}\.supabase\.co/.test(html)) found.add("supabase");
  return [...found];
});
