import type { Reference, Stack } from "../../core/index.ts";
import { SourceMaps, type SourceMap } from "../../artifacts/index.ts";

export const SOURCE_MAP_NEEDS = [SourceMaps] as const;

export const SOURCE_MAP_REFERENCES: readonly Reference[] = [
  { title: "ECMA-426: Source map format specification", url: "https://tc39.es/ecma426/" },
  { title: "Vite: build.sourcemap", url: "https://vite.dev/config/build-options.html#build-sourcemap" },
  {
    title: "Next.js: productionBrowserSourceMaps",
    url: "https://nextjs.org/docs/app/api-reference/config/next-config-js/productionBrowserSourceMaps",
  },
  {
    title: "CWE-540: Inclusion of Sensitive Information in Source Code",
    url: "https://cwe.mitre.org/data/definitions/540.html",
  },
];

/** How a map was found, for the summary. */
export function foundVia(map: SourceMap): string {
  switch (map.via) {
    case "header":
      return "named by the bundle's SourceMap header";
    case "comment":
      return "named by the bundle's sourceMappingURL comment";
    case "inline":
      return "embedded in the bundle as a data: URL";
    default:
      return "not referenced, but served next to the bundle";
  }
}

/** Paths of original files worth naming: the app's own, not node_modules. */
export function ownSources(map: SourceMap, count: number): string[] {
  const own = map.sources.filter((path) => path && !path.includes("node_modules"));
  return (own.length > 0 ? own : map.sources).slice(0, count);
}

/** Stop publishing maps: do not generate them for production, or generate them hidden and keep them off the server. */
export const SOURCE_MAP_FIXES: Partial<Record<Stack, string>> = {
  vite: [
    "Do not publish maps: leave `build.sourcemap` off, or make them `'hidden'` (no comment) and delete them from `dist/` after uploading to your error tracker:",
    "```js",
    "// vite.config.js",
    "export default { build: { sourcemap: false } } // or 'hidden' + delete dist/**/*.map after upload",
    "```",
  ].join("\n"),
  nextjs: [
    "Leave `productionBrowserSourceMaps` off (the default). With Sentry, let it delete maps after upload:",
    "```js",
    "// next.config.js",
    "module.exports = withSentryConfig({ productionBrowserSourceMaps: false }, { sourcemaps: { deleteSourcemapsAfterUpload: true } });",
    "```",
  ].join("\n"),
  express: [
    "Do not deploy `.map` files (build without them, or delete them after uploading to your error tracker), and refuse them meanwhile:",
    "```js",
    "app.use((req, res, next) => (req.path.endsWith('.map') ? res.sendStatus(404) : next()));",
    "```",
  ].join("\n"),
  fastapi: [
    "Build the frontend without source maps (or delete `*.map` from the build before mounting it), and refuse them meanwhile:",
    "```python",
    '@app.middleware("http")',
    "async def no_source_maps(request, call_next):",
    '    if request.url.path.endswith(".map"):',
    "        return Response(status_code=404)",
    "    return await call_next(request)",
    "```",
  ].join("\n"),
  nginx: [
    "Refuse source maps at the edge:",
    "```nginx",
    "location ~* \\.map$ {",
    "    return 404;",
    "}",
    "```",
  ].join("\n"),
  vercel:
    "Build without browser source maps, or upload them to your error tracker and delete them in the build command (`vite build && find dist -name '*.map' -delete`).",
  netlify:
    "Build without source maps, or delete them in the build command (`npm run build && find dist -name '*.map' -delete`) after uploading them to your error tracker.",
};
