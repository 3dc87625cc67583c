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

export const paymentProviderKey: Check = {
  meta: {
    id: "secret.payment-provider-key",
    title: "A live payment key is in code every visitor downloads",
    cvss: CVSS_ACCOUNT_TAKEOVER,
    cwe: HARDCODED_CREDENTIALS_CWE,
    references: referencesWith({
      title: "Square: Access tokens and other credentials",
      url: "https://developer.squareup.com/docs/build-basics/access-tokens",
    }),
    explanation:
      "A live credential of a payment provider (a Square access token or application secret, a PayPal Braintree production access token, a Razorpay key secret beside its key id) is in your site's HTML or JavaScript. Anyone who copies it can read your customers' payments, issue refunds, create charges and change the merchant account. Publishable keys and key ids made for the browser are not reported; this is the secret half, which belongs only on your server. " +
      PUBLIC_BY_DOWNLOAD,
    fixes: secretFixes(
      "Revoke the credential in the provider's developer dashboard (Square Developer Console, Braintree Control Panel → API, Razorpay Dashboard → API Keys → Regenerate), then check recent payments and refunds.",
      "PAYMENT_SECRET_KEY",
    ),
    learn: "secrets-in-bundles#payment-provider-key",
    needs: SECRET_NEEDS,
  },
  analyse: (artifacts) => secretDrafts(artifacts, "secret.payment-provider-key"),
};
