import { type Check, evidenceFrom } from "../../core/index.ts";
import { SourceMaps } from "../../artifacts/index.ts";
import {
  SOURCE_MAP_FIXES,
  SOURCE_MAP_NEEDS,
  SOURCE_MAP_REFERENCES,
  foundVia,
  ownSources,
} from "./source-map-shared.ts";

export const sourceMap: Check = {
  meta: {
    id: "exposure.source-map",
    title: "JavaScript source maps are public",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-540",
    references: SOURCE_MAP_REFERENCES,
    explanation:
      "A source map (`.map`) for your JavaScript is served. It maps the minified bundle back to your original files: their names and folder structure, and the original names of functions and variables, which makes your code far easier to read and to probe for weak spots. " +
      "This one does not carry the files' full text (that would be reported as exposure.source-map-sources). Maps are meant for your error tracker, not for visitors.",
    fixes: SOURCE_MAP_FIXES,
    learn: "source-maps#source-map",
    needs: SOURCE_MAP_NEEDS,
  },
  analyse(artifacts) {
    return artifacts
      .read(SourceMaps)
      .filter((map) => map.contents.length === 0)
      .map((map) => {
        const files = ownSources(map, 5);
        return {
          url: map.url,
          groupKey: new URL(map.url).origin,
          summary: `${map.url} is a source map (${foundVia(map)}) naming ${map.sources.length} original file${map.sources.length === 1 ? "" : "s"}${files.length > 0 ? ` such as ${files.join(", ")}` : ""}.`,
          evidence: [
            evidenceFrom(map.exchange, `A version-3 source map for ${map.bundleUrl}.`, {
              headers: ["content-type", "sourcemap", "x-sourcemap"],
              excerpt: `{"version":3,"sources":${JSON.stringify(map.sources.slice(0, 10))}${map.sources.length > 10 ? "…" : ""},"mappings":"…"}`,
            }),
          ],
          details: { bundle: map.bundleUrl, via: map.via, sources: String(map.sources.length) },
        };
      });
  },
};
