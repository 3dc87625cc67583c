import { GraphqlResponses } from "../../artifacts/index.ts";
import { type Check, bodyText, evidenceFrom, type Exchange } from "../../core/index.ts";
import { isSuccess, originOf } from "./exposed-files.ts";

/** Types every schema has: naming them tells the reader nothing about this API. */
const BUILT_IN = new Set(["String", "Int", "Float", "Boolean", "ID"]);
const NAMES_SHOWN = 15;

export interface OpenSchema {
  types: string[];
  queryType?: string;
  mutationType?: string;
}

/** The answer holds a schema: `data.__schema.types` as a list of named types (a GraphQL error does not). */
export function openSchema(exchange: Exchange): OpenSchema | undefined {
  if (!isSuccess(exchange) || exchange.response?.truncated) return undefined;
  let document: unknown;
  try {
    document = JSON.parse(bodyText(exchange.response));
  } catch {
    return undefined;
  }
  const schema = (document as { data?: { __schema?: unknown } } | null)?.data?.__schema as
    { types?: unknown; queryType?: { name?: unknown }; mutationType?: { name?: unknown } | null } | undefined;
  if (!schema || !Array.isArray(schema.types) || schema.types.length === 0) return undefined;
  const types = schema.types
    .map((type) => (type as { name?: unknown } | null)?.name)
    .filter((name): name is string => typeof name === "string");
  if (types.length !== schema.types.length) return undefined;
  return {
    types,
    ...(typeof schema.queryType?.name === "string" ? { queryType: schema.queryType.name } : {}),
    ...(typeof schema.mutationType?.name === "string" ? { mutationType: schema.mutationType.name } : {}),
  };
}

export const graphqlIntrospection: Check = {
  meta: {
    id: "exposure.graphql-introspection",
    title: "A GraphQL endpoint hands out its whole schema (introspection is on)",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-200",
    references: [
      {
        title: "OWASP GraphQL Cheat Sheet: introspection and GraphiQL",
        url: "https://cheatsheetseries.owasp.org/cheatsheets/GraphQL_Cheat_Sheet.html#introspection-graphiql",
      },
      {
        title: "OWASP WSTG: Testing GraphQL",
        url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/12-API_Testing/01-Testing_GraphQL",
      },
      { title: "GraphQL: Introspection", url: "https://graphql.org/learn/introspection/" },
    ],
    explanation:
      "Your GraphQL endpoint answers the introspection query, so anyone can download its complete schema: every type, field, query and mutation, including admin-only operations your app never calls from the browser. " +
      "It is a map for an attacker looking for a mutation without an authorisation check or a field that returns too much. Public APIs may keep it on deliberately; an app's private API should not. We asked only for the type names.",
    fixes: {
      express: [
        "Turn introspection off outside development (Apollo Server):",
        "```js",
        "new ApolloServer({ typeDefs, resolvers, introspection: process.env.NODE_ENV !== 'production' });",
        "```",
        "With graphql-http or GraphQL Yoga, add a validation rule such as `NoSchemaIntrospectionCustomRule` from `graphql`.",
      ].join("\n"),
      nextjs:
        "In the Route Handler that serves GraphQL (Apollo, Yoga), disable introspection in production (`introspection: false`, or `NoSchemaIntrospectionCustomRule` in the validation rules).",
      fastapi: [
        "Strawberry: add the `DisableIntrospection` extension in production:",
        "```python",
        "from strawberry.extensions import DisableIntrospection",
        "schema = strawberry.Schema(query=Query, extensions=[DisableIntrospection()])",
        "```",
      ].join("\n"),
      nginx:
        "Introspection is the GraphQL server's setting: turn it off there. nginx cannot reliably filter it (the query can be in the body, aliased or formatted in many ways).",
    },
    learn: "exposed-files#graphql-introspection",
    needs: [GraphqlResponses],
  },
  analyse(artifacts) {
    const drafts = new Map<string, ReturnType<typeof draftFor>>();
    for (const answer of artifacts.read(GraphqlResponses)) {
      const schema = openSchema(answer.exchange);
      if (!schema) continue;
      const url = new URL(answer.exchange.request.url);
      url.search = "";
      if (!drafts.has(url.href)) drafts.set(url.href, draftFor(answer.exchange, url.href, schema));
    }
    return [...drafts.values()];
  },
};

function draftFor(exchange: Exchange, endpoint: string, schema: OpenSchema) {
  // GraphQL names are [_A-Za-z][_0-9A-Za-z]*: anything else is not shown (the names are the target's text).
  const own = schema.types
    .filter((name) => !name.startsWith("__") && !BUILT_IN.has(name))
    .map((name) => (/^[_A-Za-z][_0-9A-Za-z]{0,63}$/.test(name) ? name : "(unnamed)"));
  const shown = own.slice(0, NAMES_SHOWN).join(", ");
  return {
    url: endpoint,
    groupKey: `${originOf(exchange)}|${new URL(endpoint).pathname}`,
    summary:
      `${new URL(endpoint).pathname} answers the introspection query (${exchange.request.method}): ${own.length} type${own.length === 1 ? "" : "s"} of its own` +
      `${schema.mutationType ? `, mutations included (${schema.mutationType})` : ""}${shown ? `: ${shown}${own.length > NAMES_SHOWN ? ", …" : ""}` : ""}.`,
    evidence: [
      evidenceFrom(exchange, "The answer is the schema's list of types; only type names were asked for.", {
        headers: ["content-type"],
      }),
    ],
    details: {
      types: String(own.length),
      names: own.slice(0, NAMES_SHOWN).join(","),
      mutations: schema.mutationType ? "yes" : "no",
      method: exchange.request.method,
    },
  };
}
