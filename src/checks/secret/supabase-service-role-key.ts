import type { Check } from "../../core/index.ts";
import { CVSS_DATABASE_TAKEOVER } from "../../secrets/index.ts";
import {
  HARDCODED_CREDENTIALS_CWE,
  PUBLIC_BY_DOWNLOAD,
  SECRET_NEEDS,
  referencesWith,
  secretFixes,
} from "./shared.ts";
import { secretDrafts } from "./secret-drafts.ts";

export const supabaseServiceRoleKey: Check = {
  meta: {
    id: "secret.supabase-service-role-key",
    title: "The Supabase service_role key is in code every visitor downloads",
    cvss: CVSS_DATABASE_TAKEOVER,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith(
      { title: "Supabase: Understanding API keys", url: "https://supabase.com/docs/guides/api/api-keys" },
      {
        title: "Supabase: Row Level Security",
        url: "https://supabase.com/docs/guides/database/postgres/row-level-security",
      },
    ),
    explanation:
      'A Supabase key with the `service_role` role (a JWT whose payload says `"role": "service_role"`), or a new-style `sb_secret_` key, is in your site\'s HTML or JavaScript. This key bypasses Row Level Security: anyone who copies it can read, change and delete every row of every table, every file in Storage, and every user account in your project. The browser must only ever have the anon / `sb_publishable_` key, with RLS policies protecting the data. ' +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "For a `sb_secret_` key, delete it in Project Settings → API Keys and create a new one. For a legacy service_role JWT, roll the project's JWT secret (Project Settings → JWT Keys), which also replaces the anon key, then update your servers. Review your tables, storage and auth users for changes.",
      "SUPABASE_SERVICE_ROLE_KEY",
    ),
    learn: "secrets-in-bundles#supabase-service-role-key",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.supabase-service-role-key"),
};
