import type { Handler } from "../support/server.ts";

/** A Supabase project ref (20 lowercase letters or digits) that the scan is pinned to a loopback stand-in. */
export const SUPABASE_REF = "kitchensinkref000001";
export const SUPABASE_HOST = `${SUPABASE_REF}.supabase.co`;
export const FIREBASE_HOSTS = [
  "kitchen-sink-default-rtdb.firebaseio.com",
  "firestore.googleapis.com",
  "firebasestorage.googleapis.com",
  "identitytoolkit.googleapis.com",
];

const base64url = (value: object) => Buffer.from(JSON.stringify(value)).toString("base64url");
/** A made-up anon key with the claims a real one carries (the signature is noise). */
export const ANON_KEY = [
  base64url({ alg: "HS256", typ: "JWT" }),
  base64url({ iss: "supabase", ref: SUPABASE_REF, role: "anon", iat: 1_700_000_000, exp: 2_000_000_000 }),
  "c2lnbmF0dXJlLW5vdC1yZWFsLWJ1dC1sb25nLWVub3VnaA",
].join(".");

const BUNDLE = `
import { createClient } from "@supabase/supabase-js";
const supabase = createClient("https://${SUPABASE_HOST}", "${ANON_KEY}");
export const profiles = () => supabase.from("profiles").select("*");
export const orders = () => supabase.from("orders").select("id,total");
export const avatars = () => supabase.storage.from("avatars").list();
const firebaseConfig = {
  apiKey: "AIzaSyD-kitchen-sink-not-a-real-key-00000",
  authDomain: "kitchen-sink.firebaseapp.com",
  databaseURL: "https://kitchen-sink-default-rtdb.firebaseio.com",
  projectId: "kitchen-sink",
  storageBucket: "kitchen-sink.appspot.com",
};
export async function me() { return (await fetch("/api/me", { credentials: "include" })).json(); }
export async function save(order) { return axios.post("/api/orders", order); }
export async function remove(id) { return axios.delete(\`/api/orders/\${id}\`); }
export async function update(id) { return fetch(\`/api/orders/\${id}\`, { method: "PUT" }); }
export const graph = (query) => fetch("/graphql", { method: "POST", body: JSON.stringify({ query }) });
//# sourceMappingURL=app.js.map
`;

const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Kitchen sink</title>
<link rel="modulepreload" href="/assets/vendor.js">
<script type="module" src="/assets/app.js"></script>
<script id="__NEXT_DATA__" type="application/json">{"props":{"apiBase":"/api/v1"}}</script>
<script>window.__CONFIG__ = { api: "/api/config" }; fetch("/api/session");</script>
</head><body>
<form method="post" action="/login"><input name="user"><input type="password" name="pass"></form>
<a href="/about">About</a> <a href="/admin">Admin</a> <a href="/login">Login</a> <a href="/account/delete">Delete account</a>
</body></html>`;

/**
 * A site that invites every mistake a scanner could make: a bundle that POSTs, PUTs and DELETEs, a login
 * form, a "delete account" link, an API whose preflight allows every method, and Supabase and Firebase
 * backends (served by `backendStandIn` over https). A read-only scanner must still send nothing but
 * GET, HEAD, OPTIONS and the one allowed POST.
 */
export const kitchenSinkSite: Handler = (req, res) => {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const origin = req.headers.origin;
  const cors: Record<string, string> = origin
    ? { "access-control-allow-origin": origin, "access-control-allow-credentials": "true" }
    : {};
  if (req.method === "OPTIONS") {
    res
      .writeHead(204, {
        ...cors,
        "access-control-allow-methods": "GET, POST, PUT, PATCH, DELETE",
        "access-control-allow-headers": "*",
      })
      .end();
    return;
  }
  if (path.startsWith("/api/") || path === "/graphql") {
    res
      .writeHead(200, { ...cors, "content-type": "application/json", "set-cookie": "sid=abc123; Path=/" })
      .end(JSON.stringify({ id: 1, email: "ada@example.com" }));
    return;
  }
  if (path === "/assets/app.js" || path === "/assets/vendor.js") {
    res.writeHead(200, { "content-type": "text/javascript" }).end(BUNDLE);
    return;
  }
  if (path === "/assets/app.js.map") {
    res
      .writeHead(200, { "content-type": "application/json" })
      .end(JSON.stringify({ version: 3, sources: ["src/app.ts"], sourcesContent: [BUNDLE], mappings: "" }));
    return;
  }
  if (path === "/" || path === "/about" || path === "/login" || path === "/admin") {
    res
      .writeHead(200, { "content-type": "text/html; charset=utf-8", "set-cookie": "session=xyz; Path=/" })
      .end(req.method === "HEAD" ? undefined : PAGE);
    return;
  }
  res.writeHead(404, { "content-type": "text/plain" }).end("Not found");
};

/** Answers like Supabase and Firebase would for a project whose rules are wide open. */
export const backendStandIn: Handler = (req, res) => {
  const path = (req.url ?? "/").split("?")[0] ?? "/";
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    res
      .writeHead(status, { "content-type": "application/json", ...headers })
      .end(req.method === "HEAD" ? undefined : JSON.stringify(body));
  if (path === "/storage/v1/bucket") return json(200, [{ id: "avatars", name: "avatars", public: false }]);
  if (path.startsWith("/storage/v1/object/list/")) return json(200, [{ name: "ada.png", id: "1" }]);
  if (path.startsWith("/rest/v1/")) return json(200, [{ id: 1 }], { "content-range": "0-0/12" });
  if (path === "/auth/v1/settings") return json(200, { disable_signup: false, external: { email: true } });
  return json(200, { ok: true });
};
