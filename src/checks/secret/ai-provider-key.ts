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

export const aiProviderKey: Check = {
  meta: {
    id: "secret.ai-provider-key",
    title: "A key of an AI provider is in code every visitor downloads",
    cvss: CVSS_PAID_API_ABUSE,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith({
      title: "Hugging Face: User access tokens",
      url: "https://huggingface.co/docs/hub/security-tokens",
    }),
    explanation:
      "An API key of an AI provider (Hugging Face `hf_`, Groq `gsk_`, Replicate `r8_`, Perplexity `pplx-`, xAI `xai-`, OpenRouter `sk-or-v1-`) is in your site's HTML or JavaScript. Anyone who copies it can run models billed to your account until your credit or limit is gone, read the prompts, files and models stored with it, and get the account suspended for abuse. Model calls belong on your server, which adds the key and returns only the answer. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Revoke the key in the provider's dashboard (API keys or Access Tokens page), create a new one, and check its usage page for spend you do not recognise.",
      "AI_PROVIDER_API_KEY",
    ),
    learn: "secrets-in-bundles#ai-provider-key",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.ai-provider-key"),
};
