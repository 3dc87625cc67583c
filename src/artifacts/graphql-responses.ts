import { defineProbeArtifact, type Exchange, type Recording } from "../core/index.ts";

/** The probe that asks GraphQL endpoints for their schema (written by probes/exposure, read here). */
export const GRAPHQL_PROBE = "graphql";
/** Its introspection request; `labels.source` says where the endpoint was found ("page", "bundle", "usual"). */
export const INTROSPECTION_ROLE = "introspection";

/**
 * The smallest introspection query that proves the schema is open: the root types and every type's name
 * and kind. No field lists, no data.
 */
export const INTROSPECTION_QUERY = "{__schema{queryType{name}mutationType{name}types{name kind}}}";

export interface IntrospectionAnswer {
  exchange: Exchange;
  /** Where the endpoint was named: the page, a bundle, or one of the usual paths. */
  source: string;
}

/** Every introspection request the probe sent (GET, and the POST when GET was refused), in order. */
export const GraphqlResponses = defineProbeArtifact(
  "graphql-responses",
  (recording: Recording): IntrospectionAnswer[] =>
    recording.exchanges
      .filter((exchange) => exchange.probe === GRAPHQL_PROBE && exchange.labels.role === INTROSPECTION_ROLE)
      .map((exchange) => ({ exchange, source: exchange.labels.source ?? "usual" })),
);
