import { headerValue, type HeaderList } from "../../core/index.ts";

interface HostingPlatform {
  suffix: string;
  /** Response headers the platform adds to what it serves; a match means the site is hosted there. */
  detect(headers: HeaderList): boolean;
}

const lower = (headers: HeaderList, name: string) => (headerValue(headers, name) ?? "").toLowerCase();

/**
 * Shared hosting suffixes where anyone can get a subdomain in minutes. An allowlist that trusts one of
 * them (usually to let preview deployments in) trusts every stranger deployed there.
 */
const PLATFORMS: readonly HostingPlatform[] = [
  { suffix: "vercel.app", detect: (h) => lower(h, "server") === "vercel" || !!headerValue(h, "x-vercel-id") },
  {
    suffix: "netlify.app",
    detect: (h) => lower(h, "server").includes("netlify") || !!headerValue(h, "x-nf-request-id"),
  },
  { suffix: "github.io", detect: (h) => lower(h, "server") === "github.com" },
  { suffix: "pages.dev", detect: (h) => lower(h, "server") === "cloudflare" || !!headerValue(h, "cf-ray") },
  {
    suffix: "herokuapp.com",
    detect: (h) => /\bvegur\b/.test(lower(h, "via")) || lower(h, "server") === "heroku",
  },
  {
    suffix: "onrender.com",
    detect: (h) => !!headerValue(h, "rndr-id") || !!headerValue(h, "x-render-origin-server"),
  },
  {
    suffix: "fly.dev",
    detect: (h) => lower(h, "server").startsWith("fly/") || !!headerValue(h, "fly-request-id"),
  },
  {
    suffix: "up.railway.app",
    detect: (h) => lower(h, "server").includes("railway") || !!headerValue(h, "x-railway-request-id"),
  },
];

/** Tried on every site: preview deployments on these two are what allowlists most often open up. */
const ALWAYS_TRIED = ["vercel.app", "netlify.app"];

/**
 * The hosting suffixes worth trying against a site: the two most common everywhere, plus the platform the
 * page itself is served from (an app on Render allowlists `*.onrender.com`, not `*.github.io`). Trying
 * all of them on every endpoint would spend a tenth of the request budget on guesses.
 */
export function hostingSuffixesFor(pageHeaders: HeaderList | undefined): string[] {
  const suffixes = [...ALWAYS_TRIED];
  for (const platform of PLATFORMS) {
    if (pageHeaders && platform.detect(pageHeaders) && !suffixes.includes(platform.suffix))
      suffixes.push(platform.suffix);
  }
  return suffixes;
}
