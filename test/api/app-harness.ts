import { Ajv2020 } from "ajv/dist/2020.js";
import { Agent, fetch as undiciFetch, type RequestInit, type Response } from "undici";
import type { AppOptions, App } from "../../src/interfaces/server/app.ts";
import { createApp } from "../../src/interfaces/server/app.ts";
import { readFileSync } from "node:fs";
import { OPENAPI_FILE } from "../../src/interfaces/api/openapi-file.ts";

/**
 * Test requests drop idle connections after half a second, far ahead of the server's keep-alive timeout:
 * on a loaded machine, reusing a connection the server is closing at that instant ends in ECONNRESET.
 */
const dispatcher = new Agent({ keepAliveTimeout: 500, keepAliveMaxTimeout: 500 });

export function fetch(url: string, init: RequestInit = {}): Promise<Response> {
  return undiciFetch(url, { dispatcher, ...init });
}

export type { Response };

/** Limits so high that tests never meet them unless they mean to. */
const UNLIMITED = { capacity: 1_000_000, refillPerSecond: 1_000_000 };

export interface RunningApp {
  app: App;
  /** http://127.0.0.1:PORT */
  url: string;
  port: number;
  fetch(path: string, init?: RequestInit): Promise<Response>;
  postScan(body: unknown): Promise<Response>;
  close(): Promise<void>;
}

/** Starts the whole product on an ephemeral loopback port with an in-memory store. */
export async function startApp(options: AppOptions = {}): Promise<RunningApp> {
  const app = createApp({
    ...options,
    config: {
      databasePath: ":memory:",
      requestRate: UNLIMITED,
      scanRate: UNLIMITED,
      ...options.config,
    },
  });
  const { port } = await app.listen(0, "127.0.0.1");
  const url = `http://127.0.0.1:${port}`;
  return {
    app,
    url,
    port,
    fetch: (path, init) => fetch(`${url}${path}`, { redirect: "manual", ...init }),
    postScan: (body) =>
      fetch(`${url}/api/v1/scans`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      }),
    close: () => app.close(),
  };
}

/** The app configured to scan loopback fixtures (operator allowlist + non-default ports), as tests need. */
export function loopbackScanning(config: AppOptions["config"] = {}): AppOptions["config"] {
  return { allowAddresses: ["127.0.0.1"], allowNonDefaultPorts: true, ...config };
}

export interface SseEvent {
  event: string;
  data: unknown;
}

/** Reads a server-sent events stream until it ends (or `stop` says enough), parsing each event's JSON. */
export async function readEvents(
  url: string,
  stop: (events: SseEvent[]) => boolean = () => false,
): Promise<SseEvent[]> {
  const controller = new AbortController();
  const response = await fetch(url, { signal: controller.signal });
  if (!response.ok || !response.body) throw new Error(`events: ${response.status}`);
  const events: SseEvent[] = [];
  const decoder = new TextDecoder();
  let buffer = "";
  try {
    for await (const chunk of response.body) {
      buffer += decoder.decode(chunk as Uint8Array, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) !== -1) {
        const block = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        let name = "message";
        const data: string[] = [];
        for (const line of block.split("\n")) {
          if (line.startsWith("event: ")) name = line.slice(7);
          else if (line.startsWith("data: ")) data.push(line.slice(6));
        }
        if (data.length > 0) events.push({ event: name, data: JSON.parse(data.join("\n")) as unknown });
      }
      if (stop(events)) {
        controller.abort();
        break;
      }
    }
  } catch (error) {
    if (!controller.signal.aborted) throw error;
  }
  return events;
}

/**
 * Validators for the OpenAPI document's component schemas (JSON Schema 2020-12, as OpenAPI 3.1 uses).
 * The document is schemas/openapi.json, which api.test.ts holds equal to the one the routes generate.
 */
export function openApiValidator(): (schema: string, value: unknown) => string[] {
  const ajv = new Ajv2020({ allErrors: true, strict: true, formats: { "date-time": true, uri: true } });
  ajv.addKeyword("components");
  for (const keyword of ["openapi", "info", "jsonSchemaDialect", "paths"]) ajv.addKeyword(keyword);
  const id = "https://amihackable.test/openapi.json";
  ajv.addSchema({ ...(JSON.parse(readFileSync(OPENAPI_FILE, "utf8")) as object), $id: id });
  return (schema, value) => {
    const validate = ajv.getSchema(`${id}#/components/schemas/${schema}`);
    if (!validate) throw new Error(`no schema ${schema}`);
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
  };
}
