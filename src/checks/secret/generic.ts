import type { Check } from "../../core/index.ts";
import { CVSS_UNKNOWN_CREDENTIAL } from "../../secrets/index.ts";
import {
  HARDCODED_CREDENTIALS_CWE,
  PUBLIC_BY_DOWNLOAD,
  SECRET_NEEDS,
  referencesWith,
  secretFixes,
} from "./shared.ts";
import { secretDrafts } from "./secret-drafts.ts";

export const genericSecret: Check = {
  meta: {
    id: "secret.generic",
    title: "A value that looks like a credential is in code every visitor downloads",
    cvss: CVSS_UNKNOWN_CREDENTIAL,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith(),
    explanation:
      "A random-looking value is assigned to a name that says it is a credential (`apiSecret`, `DB_PASSWORD`, `ADMIN_TOKEN` ...) in your site's HTML or JavaScript. We cannot tell which service it belongs to, so this is a medium-confidence finding: check what the value is. If it is a password, secret or server-side API key, anyone can copy it and use it as you. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Find the service this value belongs to (the variable name is the hint), revoke it there and issue a new one; if it is not a secret at all, rename the variable so the next reader is not misled.",
      "API_SECRET",
    ),
    learn: "secrets-in-bundles#generic",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.generic"),
};
