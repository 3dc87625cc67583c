import { writeFileSync } from "node:fs";
import { createApp } from "../server/index.ts";

/**
 * schemas/openapi.json: the OpenAPI 3.1 document that the routes' schemas generate, committed so the
 * API's contract can be read and diffed without running the server. `npm run openapi` rewrites it; a
 * test fails when it is stale.
 */
export const OPENAPI_FILE = new URL("../../../schemas/openapi.json", import.meta.url);

/** The document, from a throwaway app (in-memory store, queue paused). */
export async function generateOpenApiDocument(): Promise<Record<string, unknown>> {
  const app = createApp({ paused: true, config: { databasePath: ":memory:" } });
  try {
    return await app.openApiDocument();
  } finally {
    await app.close();
  }
}

export function openApiFileText(document: Record<string, unknown>): string {
  return `${JSON.stringify(document, null, 2)}\n`;
}

if (import.meta.main) {
  writeFileSync(OPENAPI_FILE, openApiFileText(await generateOpenApiDocument()));
  console.log(`wrote ${OPENAPI_FILE.pathname}`);
}
