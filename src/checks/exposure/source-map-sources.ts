import { type Check, evidenceFrom } from "../../core/index.ts";
import { SourceMaps } from "../../artifacts/index.ts";
import {
  SOURCE_MAP_FIXES,
  SOURCE_MAP_NEEDS,
  SOURCE_MAP_REFERENCES,
  foundVia,
  ownSources,
} from "./source-map-shared.ts";

export const sourceMapSources: Check = {
  meta: {
    id: "exposure.source-map-sources",
    title: "Source maps publish your original source code",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-540",
    references: SOURCE_MAP_REFERENCES,
    explanation:
      "A source map for your JavaScript is served and carries `sourcesContent`: the full text of your original source files, comments included. Anyone can rebuild your frontend project from it in one click (browser dev tools do it for them). " +
      "That is how internal API routes, feature flags, admin screens, TODO comments and keys that were never meant to ship get found. We scanned those files for secrets too; any we found are reported separately.",
    fixes: SOURCE_MAP_FIXES,
    learn: "source-maps#source-map-sources",
    needs: SOURCE_MAP_NEEDS,
  },
  analyse(artifacts) {
    return artifacts
      .read(SourceMaps)
      .filter((map) => map.contents.length > 0)
      .map((map) => {
        const files = ownSources(map, 5);
        const characters = map.contents.reduce((sum, file) => sum + file.text.length, 0);
        return {
          url: map.url,
          groupKey: new URL(map.url).origin,
          summary:
            `${map.url} is a source map (${foundVia(map)}) carrying the full text of ${map.contents.length} original file${map.contents.length === 1 ? "" : "s"} (${characters < 1024 ? `${characters} characters` : `${Math.round(characters / 1024)} KB`})` +
            `${files.length > 0 ? `, such as ${files.join(", ")}` : ""}${map.truncated ? "; it was cut short, so there are more" : ""}.`,
          evidence: [
            evidenceFrom(map.exchange, `A version-3 source map for ${map.bundleUrl} with sourcesContent.`, {
              headers: ["content-type", "sourcemap", "x-sourcemap"],
              excerpt: `{"version":3,"sources":${JSON.stringify(map.sources.slice(0, 10))}${map.sources.length > 10 ? "…" : ""},"sourcesContent":["…${map.contents.length} files…"]}`,
            }),
          ],
          details: {
            bundle: map.bundleUrl,
            via: map.via,
            sources: String(map.sources.length),
            filesWithContent: String(map.contents.length),
          },
        };
      });
  },
};
