import { readFileSync } from "node:fs";
import { packageFile } from "./package-root.ts";

/** The scanner's version, from package.json, so the report and --version never disagree with it. */
export const VERSION: string = (
  JSON.parse(readFileSync(packageFile("package.json"), "utf8")) as { version: string }
).version;
