import { type Reference, type Stack } from "../../core/index.ts";

export const SUPABASE_REFERENCES: readonly Reference[] = [
  {
    title: "Supabase: Row Level Security",
    url: "https://supabase.com/docs/guides/database/postgres/row-level-security",
  },
  { title: "Supabase: Securing your API", url: "https://supabase.com/docs/guides/api/securing-your-api" },
  { title: "Supabase: Understanding API keys", url: "https://supabase.com/docs/guides/api/api-keys" },
  { title: "CWE-862: Missing Authorization", url: "https://cwe.mitre.org/data/definitions/862.html" },
];

/** Anyone on the internet reads private data with the key every visitor's browser already has. */
export const CVSS_READ_ALL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N";

/** What is read is probably meant to be public, or only its existence (file names) leaks. */
export const CVSS_READ_SOME = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N";

/**
 * For the web-server stacks the honest answer is that the fix is not there: the browser talks to Supabase
 * directly. What they can do is keep the service_role key on the server.
 */
export function webServerFixes(what: string): Partial<Record<Stack, string>> {
  const lead = `Your web server never sees these requests: the browser talks to Supabase directly with the public key, so ${what} The fix is in Supabase (see the Supabase tab).`;
  return {
    express: [
      lead,
      "",
      "If your Express server needs more access than a visitor, give it the service_role key through the environment and never send that key to the browser:",
      "```js",
      "import { createClient } from '@supabase/supabase-js';",
      "// Server only: process.env, never a VITE_/NEXT_PUBLIC_ variable or client bundle.",
      "const admin = createClient(process.env.SUPABASE_URL, process.env.SUPABASE_SERVICE_ROLE_KEY);",
      "app.get('/api/orders', requireUser, async (req, res) => {",
      "  const { data } = await admin.from('orders').select('*').eq('user_id', req.user.id);",
      "  res.json(data);",
      "});",
      "```",
    ].join("\n"),
    nextjs: [
      lead,
      "",
      "`NEXT_PUBLIC_SUPABASE_ANON_KEY` in the browser is expected; Row Level Security is what makes it safe. Keep the service_role key in a variable without the `NEXT_PUBLIC_` prefix and use it only in route handlers or server actions that check the user first:",
      "```ts",
      "// app/api/orders/route.ts (server only)",
      "const admin = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_SERVICE_ROLE_KEY!);",
      "```",
    ].join("\n"),
    fastapi: [
      lead,
      "",
      "If your FastAPI backend reads Supabase for users, keep the service_role key in the server's environment and filter by the authenticated user yourself:",
      "```python",
      "import os",
      "from supabase import create_client",
      'admin = create_client(os.environ["SUPABASE_URL"], os.environ["SUPABASE_SERVICE_ROLE_KEY"])',
      "```",
    ].join("\n"),
    nginx: [
      lead,
      "",
      "Proxying Supabase through nginx does not help: the public key lets anyone call the Supabase API directly. Enable Row Level Security instead.",
    ].join("\n"),
  };
}
