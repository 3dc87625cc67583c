import { existsSync } from "node:fs";

/**
 * The package's own folder (the one holding package.json, schemas/ and learn/), found from where this code
 * runs: a file of src/ in a checkout, a bundle in dist/ in the installed package. Files the scanner reads
 * at run time are named from here, so they resolve the same from sources and from the build.
 */
export const PACKAGE_ROOT: URL = findRoot(new URL("./", import.meta.url));

function findRoot(start: URL): URL {
  for (let folder = start; ; folder = new URL("../", folder)) {
    if (existsSync(new URL("package.json", folder)) && existsSync(new URL("schemas/", folder))) return folder;
    if (folder.pathname === "/") throw new Error(`no package folder above ${start.pathname}`);
  }
}

/** A file shipped with the package, by its path from the package's folder ("schemas/report.schema.json"). */
export function packageFile(relative: string): URL {
  return new URL(relative, PACKAGE_ROOT);
}
