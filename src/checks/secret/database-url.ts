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

export const databaseUrl: Check = {
  meta: {
    id: "secret.database-url",
    title: "A database password is in code every visitor downloads",
    cvss: CVSS_DATABASE_TAKEOVER,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith({
      title: "OWASP: Database Security Cheat Sheet",
      url: "https://cheatsheetseries.owasp.org/cheatsheets/Database_Security_Cheat_Sheet.html",
    }),
    explanation:
      "A database connection string with a password (`postgres://user:password@host/...`, `mongodb+srv://...`, `redis://...`) to a host on the internet is in your site's HTML or JavaScript. Anyone can connect with it and read, change or delete your data directly, skipping every check your application does. Browser code cannot talk to a database safely; it must call your API, and the database should accept connections only from your servers. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Change the database user's password, check the database's connection and audit logs, and restrict which addresses may connect (IP allowlist or private networking) so a password alone is never enough.",
      "DATABASE_URL",
    ),
    learn: "secrets-in-bundles#database-url",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.database-url"),
};
