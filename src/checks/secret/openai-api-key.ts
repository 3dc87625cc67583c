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

export const openaiApiKey: Check = {
  meta: {
    id: "secret.openai-api-key",
    title: "An OpenAI API key is in code every visitor downloads",
    cvss: CVSS_PAID_API_ABUSE,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith({
      title: "OpenAI: Best practices for API key safety",
      url: "https://help.openai.com/en/articles/5112595-best-practices-for-api-key-safety",
    }),
    explanation:
      "An OpenAI API key (`sk-proj-...`, `sk-svcacct-...` or an older `sk-...` key) is in your site's HTML or JavaScript. Anyone can copy it and run requests billed to your account until your limit is reached, read the files, assistants and fine-tunes stored in the project, and get your organisation flagged for abuse. Calling OpenAI straight from the browser (`dangerouslyAllowBrowser: true`) always ships the key; the call has to go through your server. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Revoke the key at platform.openai.com/api-keys, create a new one, and check the Usage page for spend you do not recognise.",
      "OPENAI_API_KEY",
    ),
    learn: "secrets-in-bundles#openai-api-key",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.openai-api-key"),
};
