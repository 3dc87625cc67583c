import { defineProbeArtifact, type Exchange, type Recording } from "../core/index.ts";

/** The site's well-known text files the info-files probe fetches, one GET each (redirects followed). */
export const WELL_KNOWN_FILES = ["robots", "security-txt"] as const;
export type WellKnownFile = (typeof WELL_KNOWN_FILES)[number];

/** Where each file lives on the site's origin (RFC 9309 for robots.txt, RFC 9116 for security.txt). */
export const WELL_KNOWN_PATHS: Readonly<Record<WellKnownFile, string>> = {
  robots: "/robots.txt",
  "security-txt": "/.well-known/security.txt",
};

/** The probe that fetches them (written by probes/info, read here). */
export const FILES_PROBE = "info-files";
/** Its request for one file; `labels.file` is the WellKnownFile. */
export const WELL_KNOWN_ROLE = "well-known-file";

function isWellKnownFile(value: string | undefined): value is WellKnownFile {
  return (WELL_KNOWN_FILES as readonly string[]).includes(value ?? "");
}

/**
 * The last hop of each file's request (the answer after redirects, or the exchange that got none), by
 * file. Checks ask for the files they judge (`{ kind: WellKnownFiles, request: "robots" }`).
 */
export type WellKnownFiles = Partial<Record<WellKnownFile, Exchange>>;

export const WellKnownFiles = defineProbeArtifact(
  "well-known-files",
  (recording: Recording): WellKnownFiles => {
    const files: WellKnownFiles = {};
    // Every redirect hop carries the request's labels; the last one recorded is where the chain ended.
    for (const exchange of recording.exchanges) {
      if (exchange.probe !== FILES_PROBE || exchange.labels.role !== WELL_KNOWN_ROLE) continue;
      const file = exchange.labels.file;
      if (isWellKnownFile(file)) files[file] = exchange;
    }
    return files;
  },
);
