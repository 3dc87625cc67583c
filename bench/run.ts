import { readdirSync } from "node:fs";

/**
 * `npm run bench`: runs every bench/*.bench.ts in name order (or only those whose name contains an
 * argument: `npm run bench -- secrets`). Each module's default export prints its own figures.
 */
const filter = process.argv.slice(2);
const dir = new URL("./", import.meta.url);
const files = readdirSync(dir)
  .filter((file) => file.endsWith(".bench.ts"))
  .filter((file) => filter.length === 0 || filter.some((word) => file.includes(word)))
  .sort();

for (const file of files) {
  const module = (await import(new URL(file, dir).href)) as { default: () => Promise<void> };
  console.log(`\n## ${file.replace(/\.bench\.ts$/, "")}`);
  await module.default();
}
