import type { Check } from "../../core/index.ts";
import { CVSS_PAID_API_ABUSE } from "../../secrets/index.ts";
import {
  HARDCODED_CREDENTIALS_CWE,
  PUBLIC_BY_DOWNLOAD,
  SECRET_NEEDS,
  referencesWith,
  secretFixes,
} from "./shared.ts";
import { secretDrafts } from "./secret-drafts.ts";

export const anthropicApiKey: Check = {
  meta: {
    id: "secret.anthropic-api-key",
    title: "An Anthropic API key is in code every visitor downloads",
    cvss: CVSS_PAID_API_ABUSE,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith({
      title: "Anthropic: API keys and authentication",
      url: "https://docs.anthropic.com/en/api/overview",
    }),
    explanation:
      "An Anthropic API key (`sk-ant-api03-...`) is in your site's HTML or JavaScript. Anyone can copy it and send requests billed to your organisation until your spend limit is reached, and use your account for abuse that gets it suspended. Browser code cannot keep a key secret: the call to Claude has to go through your server. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Disable the key in the Anthropic Console (Settings → API keys), create a new one, and check the usage page for requests you do not recognise.",
      "ANTHROPIC_API_KEY",
    ),
    learn: "secrets-in-bundles#anthropic-api-key",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.anthropic-api-key"),
};
