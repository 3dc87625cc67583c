import { readFileSync } from "node:fs";

/** The scanner's version, from package.json, so the report and --version never disagree with it. */
export const VERSION: string = (
  JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as { version: string }
).version;
