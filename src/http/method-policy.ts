import type { Method } from "../core/index.ts";

/**
 * The scanner only reads. GET, HEAD and OPTIONS are always allowed; a POST is allowed only for a
 * read-only query named here, matched on the URL path, so no probe can send a state-changing request
 * by mistake. Each entry says why it is safe.
 */
const READ_ONLY_POSTS: ReadonlyArray<{ name: string; path: RegExp; why: string }> = [
  {
    name: "supabase-storage-list",
    path: /^\/storage\/v1\/object\/list\/[^/]+$/,
    why: "Supabase Storage lists objects only through POST; the body asks for one entry",
  },
];

export function methodRefusal(method: Method, url: URL): string | null {
  if (method === "GET" || method === "HEAD" || method === "OPTIONS") return null;
  if (method === "POST" && READ_ONLY_POSTS.some((entry) => entry.path.test(url.pathname))) return null;
  return `${method} ${url.pathname} is not a read-only request; the scanner never sends it`;
}
