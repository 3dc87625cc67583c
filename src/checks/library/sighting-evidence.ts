import { type Evidence, evidenceFrom } from "../../core/index.ts";
import type { LibrarySighting, ServedLibrary } from "../../artifacts/index.ts";

/** Where a library was seen, as evidence: the page naming its URL, or the script with its banner. */
export function sightingEvidence(library: ServedLibrary): Evidence[] {
  return library.sightings.slice(0, 3).map((sighting) =>
    evidenceFrom(sighting.exchange, describeSighting(library, sighting), {
      headers: ["content-type"],
      ...(sighting.offset !== undefined ? { around: sighting.offset } : {}),
    }),
  );
}

export function describeSighting(library: ServedLibrary, sighting: LibrarySighting): string {
  const name = `${library.library} ${library.version}`;
  if (sighting.kind === "url") return `The page loads ${sighting.url}: its URL names ${name}.`;
  if (sighting.kind === "hash") return `${sighting.url} is byte for byte the published file of ${name}.`;
  return `${sighting.url} holds the code of ${name}: "${sighting.excerpt ?? ""}".`;
}

/** Every URL the library was seen at, for the details. */
export function sightingUrls(library: ServedLibrary): string {
  return [...new Set(library.sightings.map((sighting) => sighting.url))].join(" ");
}
