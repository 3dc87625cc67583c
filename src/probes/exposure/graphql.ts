import { bodyText, type Exchange, isSameSite } from "../../core/index.ts";
import {
  GRAPHQL_PROBE,
  GraphqlResponses,
  INTROSPECTION_QUERY,
  INTROSPECTION_ROLE,
} from "../../artifacts/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";

/** A path that names a GraphQL endpoint (the same shape the method policy allows a POST to). */
const GRAPHQL_PATH = /\/(?:graphql|gql)(?:\/|$)/i;
/** Asked even when nothing names them: where GraphQL servers mount by default. */
const USUAL_PATHS = ["/graphql", "/api/graphql"];
/** Endpoints asked at most: the ones the site names first, then the usual paths. */
const MAX_ENDPOINTS = 3;
/** Type names only: a large schema is a few hundred KiB at most. */
const MAX_BODY_BYTES = 512 * 1024;

/**
 * Asks each GraphQL endpoint the page and bundles name (same site), plus the usual paths, for the names of
 * its types: one GET with the query in the URL, and one POST of the same query only when the endpoint
 * refused GET as a GraphQL server does (405, or a 400 that speaks of the method). Judges nothing.
 */
export const graphqlProbe: Probe = {
  name: GRAPHQL_PROBE,
  title: "Asking GraphQL endpoints for their schema",
  after: ["discovery"],
  produces: [GraphqlResponses],
  async run(context) {
    const endpoints = chosenEndpoints(context);
    context.progress(
      `Asking ${endpoints.length} GraphQL endpoint${endpoints.length === 1 ? "" : "s"} for their schema`,
    );
    await Promise.all(
      endpoints.map(async ({ url, source }) => {
        const get = new URL(url);
        get.searchParams.set("query", INTROSPECTION_QUERY);
        const answer = await send(context, { method: "GET", url: get.href, source });
        if (!refusedGet(answer)) return;
        await send(context, {
          method: "POST",
          url,
          source,
          body: JSON.stringify({ query: INTROSPECTION_QUERY }),
        });
      }),
    );
  },
};

function chosenEndpoints(context: ProbeContext): Array<{ url: string; source: string }> {
  const origin = new URL(context.discovery.finalUrl ?? context.target.url).origin;
  const chosen = new Map<string, string>();
  for (const endpoint of context.discovery.endpoints) {
    const url = URL.parse(endpoint.url);
    if (!url || !GRAPHQL_PATH.test(url.pathname) || !isSameSite(context.target, url)) continue;
    url.search = "";
    url.hash = "";
    if (!chosen.has(url.href)) chosen.set(url.href, endpoint.source === "bundle" ? "bundle" : "page");
  }
  for (const path of USUAL_PATHS) {
    const url = new URL(path, origin).href;
    if (!chosen.has(url)) chosen.set(url, "usual");
  }
  return [...chosen].slice(0, MAX_ENDPOINTS).map(([url, source]) => ({ url, source }));
}

function send(
  context: ProbeContext,
  request: { method: "GET" | "POST"; url: string; source: string; body?: string },
): Promise<Exchange> {
  return context.http.send({
    method: request.method,
    url: request.url,
    probe: GRAPHQL_PROBE,
    labels: { role: INTROSPECTION_ROLE, source: request.source },
    headers: {
      accept: "application/graphql-response+json, application/json",
      // Apollo Server's CSRF prevention accepts a GET query that carries this header (a browser cannot send it cross-site).
      "apollo-require-preflight": "true",
      ...(request.body !== undefined ? { "content-type": "application/json" } : {}),
    },
    ...(request.body !== undefined ? { body: request.body } : {}),
    maxBodyBytes: MAX_BODY_BYTES,
  });
}

/** Gathering, not judging: whether the endpoint refused the GET the way a POST-only GraphQL server does. */
function refusedGet(exchange: Exchange): boolean {
  const status = exchange.response?.status;
  if (status === 405) return true;
  if (status !== 400 && status !== 415) return false;
  return /\bPOST\b|\bGET\b|method/i.test(bodyText(exchange.response).slice(0, 2000));
}
