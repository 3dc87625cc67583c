import type { RequestContext } from "./context.ts";

export type Handler = (context: RequestContext) => Promise<void> | void;
type Method = "GET" | "POST";

interface Route {
  method: Method;
  segments: string[];
  handler: Handler;
}

export type Match =
  | { kind: "found"; handler: Handler; params: Record<string, string> }
  | { kind: "wrong-method"; allowed: Method[] }
  | { kind: "none" };

/** Exact paths with ":name" segments; nothing clever, so the whole URL space can be read in one file. */
export class Router {
  private readonly routes: Route[] = [];

  get(path: string, handler: Handler): this {
    return this.add("GET", path, handler);
  }

  post(path: string, handler: Handler): this {
    return this.add("POST", path, handler);
  }

  private add(method: Method, path: string, handler: Handler): this {
    this.routes.push({ method, segments: path.split("/").slice(1), handler });
    return this;
  }

  /** HEAD is answered as GET (Node leaves the body out). */
  match(method: string, pathname: string): Match {
    const wanted = method === "HEAD" ? "GET" : method;
    const parts = pathname.split("/").slice(1);
    const allowed: Method[] = [];
    for (const route of this.routes) {
      const params = matchSegments(route.segments, parts);
      if (!params) continue;
      if (route.method === wanted) return { kind: "found", handler: route.handler, params };
      allowed.push(route.method);
    }
    return allowed.length > 0 ? { kind: "wrong-method", allowed } : { kind: "none" };
  }
}

function matchSegments(pattern: string[], parts: string[]): Record<string, string> | null {
  if (pattern.length !== parts.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < pattern.length; i++) {
    const expected = pattern[i]!;
    const actual = parts[i]!;
    if (expected.startsWith(":")) {
      if (actual === "") return null;
      let decoded: string;
      try {
        decoded = decodeURIComponent(actual);
      } catch {
        return null;
      }
      params[expected.slice(1)] = decoded;
    } else if (expected !== actual) return null;
  }
  return params;
}
