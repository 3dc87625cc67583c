import { DiscoveryResults, ScanExchanges } from "../../artifacts/index.ts";
import { type Check, bodyText, evidenceFrom, type Exchange } from "../../core/index.ts";
import { developmentBuild, type DevelopmentBuild } from "./dev-server-signature.ts";
import { originOf } from "./exposed-files.ts";

/** A development build behind a real server: slower and chattier, but no dev server to attack. */
const CVSS_BUILD_ONLY = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N";

export const devServer: Check = {
  meta: {
    id: "exposure.dev-server",
    title: "The site is served by a development server or a development build",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:L",
    cwe: "CWE-489",
    references: [
      { title: "CWE-489: Active Debug Code", url: "https://cwe.mitre.org/data/definitions/489.html" },
      {
        title: "Vite: server.fs.deny and the dev server's file access",
        url: "https://vite.dev/config/server-options#server-fs-deny",
      },
      {
        title: "Vite: Deploying a static site (build, then serve dist/)",
        url: "https://vite.dev/guide/static-deploy",
      },
      {
        title: "React: Optimizing performance (use the production build)",
        url: "https://legacy.reactjs.org/docs/optimizing-performance.html#use-the-production-build",
      },
    ],
    explanation:
      "The public site is answered by the development server of your build tool (Vite's `npm run dev`, webpack-dev-server, `next dev`), or ships a development build of React. " +
      "A development server is made for one developer on their own machine: it serves your source files as they are, reads other files on request (Vite and webpack-dev-server have had several file-disclosure flaws), shows detailed errors, and is slow and fragile under real traffic. A development build is larger, slower and prints internals to the console.",
    fixes: {
      express:
        "Build the front end (`npm run build`) and serve the output folder with `express.static('dist')`; never proxy the public site to a dev server.",
      nextjs:
        "Run `next build` then `next start` (or deploy to a platform that does); `next dev` is for your machine only.",
      fastapi:
        'Serve the built front end (`npm run build`, then `StaticFiles(directory="frontend/dist")`), not the dev server behind a proxy.',
      nginx:
        "Point `root` at the build output (`dist/`, `build/`) instead of `proxy_pass` to a dev server on port 5173/3000/8080.",
      vite: "Deploy `vite build`'s `dist/` folder (or `vite preview` behind a real server for testing only); `vite` / `npm run dev` never belongs on a public address.",
      vercel:
        "Let the platform run the production build command (`npm run build`); do not set the dev command as the start command.",
      netlify:
        "Set the build command to your production build (`npm run build`) and publish its output; do not serve `npm run dev`.",
    },
    learn: "exposed-files#dev-server",
    needs: [ScanExchanges, DiscoveryResults],
  },
  analyse(artifacts) {
    const exchanges = artifacts.read(ScanExchanges);
    const discovery = artifacts.read(DiscoveryResults);
    const looked: Array<{ exchange: Exchange; isPage: boolean }> = [];
    if (exchanges.page) looked.push({ exchange: exchanges.page, isPage: true });
    for (const bundle of discovery.bundles) {
      const exchange = exchanges.byId(bundle.exchangeId);
      if (exchange) looked.push({ exchange, isPage: false });
    }
    // One finding per origin: the dev server itself, else the development build.
    const found = new Map<string, { exchange: Exchange; build: DevelopmentBuild }>();
    for (const { exchange, isPage } of looked) {
      const build = developmentBuild(exchange, isPage);
      if (!build) continue;
      const origin = originOf(exchange);
      const known = found.get(origin);
      if (!known || (build.server && !known.build.server)) found.set(origin, { exchange, build });
    }
    return [...found.values()].map(({ exchange, build }) => ({
      url: exchange.request.url,
      groupKey: originOf(exchange),
      summary: build.server
        ? `The site is answered by a ${build.tool}: ${exchange.request.url} carries its client (${build.marker}).`
        : `The site ships a ${build.tool}: ${exchange.request.url} carries development-only code (${build.marker}).`,
      evidence: [
        evidenceFrom(exchange, `This response contains a marker only a ${build.tool} writes.`, {
          headers: ["content-type", "server"],
          around: Math.max(0, bodyText(exchange.response).indexOf(build.marker)),
        }),
      ],
      ...(build.server ? {} : { cvss: CVSS_BUILD_ONLY }),
      details: { tool: build.tool, marker: build.marker },
    }));
  },
};
