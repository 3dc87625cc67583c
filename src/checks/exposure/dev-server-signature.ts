import { bodyText, type Exchange } from "../../core/index.ts";

export interface DevelopmentBuild {
  /** "Vite dev server", "webpack-dev-server", "Next.js dev server", "React development build" */
  tool: string;
  /** A development server answers (hot reload, source served as-is), rather than a build made for development. */
  server: boolean;
  /** The text that gave it away, as found (at most 120 characters). */
  marker: string;
}

/**
 * Markers only development servers and development builds write; a production build of the same tool
 * never contains them: Vite's dev client (`/@vite/client`, injected into every page it serves),
 * webpack-dev-server's client (its module path or its `[webpack-dev-server]` log prefix), Next.js's
 * development chunks and `"buildId":"development"`, and React's development-only DevTools notice.
 */
const SIGNATURES: ReadonlyArray<{ tool: string; server: boolean; pattern: RegExp; where: "page" | "any" }> = [
  { tool: "Vite dev server", server: true, pattern: /["'(]\/@vite\/client["')]/, where: "any" },
  { tool: "Vite dev server", server: true, pattern: /["']\/@react-refresh["']/, where: "any" },
  {
    tool: "webpack-dev-server",
    server: true,
    pattern: /webpack-dev-server\/client\/index\.js|\[webpack-dev-server\]|__webpack_dev_server_client__/,
    where: "any",
  },
  { tool: "Next.js dev server", server: true, pattern: /"buildId"\s*:\s*"development"/, where: "page" },
  {
    tool: "Next.js dev server",
    server: true,
    pattern:
      /\/_next\/static\/(?:development\/_buildManifest\.js|chunks\/(?:webpack|react-refresh|main-app|amp)\.js)["'?]|\/_next\/webpack-hmr/,
    where: "page",
  },
  {
    tool: "React development build",
    server: false,
    pattern: /Download the React DevTools for a better development experience/,
    where: "any",
  },
  // The file name alone is also in React's own entry module (a branch a production build drops), so it
  // counts only as the page's script source (the UMD development build from a CDN).
  {
    tool: "React development build",
    server: false,
    pattern: /src=["'][^"']{0,300}react-dom(?:\.development\.js|@[\d.]+\/umd\/react-dom\.development)/,
    where: "page",
  },
];

/** What a page or script shows of a development server or build, most telling first. */
export function developmentBuild(exchange: Exchange, isPage: boolean): DevelopmentBuild | undefined {
  const response = exchange.response;
  if (!response || response.status < 200 || response.status >= 300) return undefined;
  const text = bodyText(response);
  for (const signature of SIGNATURES) {
    if (signature.where === "page" && !isPage) continue;
    const match = signature.pattern.exec(text);
    if (match) return { tool: signature.tool, server: signature.server, marker: match[0].slice(0, 120) };
  }
  return undefined;
}
