import type { Check } from "../../core/index.ts";
import { CVSS_ACCOUNT_TAKEOVER } from "../../secrets/index.ts";
import {
  HARDCODED_CREDENTIALS_CWE,
  PUBLIC_BY_DOWNLOAD,
  SECRET_NEEDS,
  referencesWith,
  secretFixes,
} from "./shared.ts";
import { secretDrafts } from "./secret-drafts.ts";

export const stripeSecretKey: Check = {
  meta: {
    id: "secret.stripe-secret-key",
    title: "A Stripe secret key is in code every visitor downloads",
    cvss: CVSS_ACCOUNT_TAKEOVER,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith(
      { title: "Stripe: API keys (rolling and restricting keys)", url: "https://docs.stripe.com/keys" },
      { title: "Stripe: Keeping your keys safe", url: "https://docs.stripe.com/keys-best-practices" },
    ),
    explanation:
      "A Stripe secret key (`sk_live_...`) or restricted key (`rk_live_...`) is in your site's HTML or JavaScript. With it anyone can act as your Stripe account through the API: list your customers and their payment details, issue refunds to themselves, create charges and payouts, or delete data. Test-mode keys (`sk_test_`) touch no real money and are rated low, but they still show that the secret key is wired into browser code. Only the publishable key (`pk_...`) belongs in the browser. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Roll the key in the Stripe Dashboard (Developers → API keys → Roll key) and check recent events, refunds and payouts for activity you do not recognise.",
      "STRIPE_SECRET_KEY",
    ),
    learn: "secrets-in-bundles#stripe-secret-key",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.stripe-secret-key"),
};
