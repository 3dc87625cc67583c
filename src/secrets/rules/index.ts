import type { SecretRule } from "../rule.ts";
import { anthropicApiKey } from "./anthropic.ts";
import { awsAccessKey } from "./aws.ts";
import { clerkPublishableKey } from "./clerk.ts";
import { databaseUrl } from "./database-url.ts";
import { firebaseWebApiKey } from "./firebase.ts";
import { genericSecret } from "./generic.ts";
import { githubToken } from "./github.ts";
import { googleOAuthSecret, googleServiceAccount } from "./google.ts";
import { openaiApiKey } from "./openai.ts";
import { privateKey } from "./private-key.ts";
import { sendgridApiKey } from "./sendgrid.ts";
import { slackToken } from "./slack.ts";
import { stripePublishableKey, stripeSecretKey } from "./stripe.ts";
import { supabaseApiKey, supabaseJwt } from "./supabase.ts";

/** Every rule, by name. Overlaps between rules are settled by `priority`, not by this order. */
export const RULES: readonly SecretRule[] = [
  anthropicApiKey,
  awsAccessKey,
  clerkPublishableKey,
  databaseUrl,
  firebaseWebApiKey,
  genericSecret,
  githubToken,
  googleOAuthSecret,
  googleServiceAccount,
  openaiApiKey,
  privateKey,
  sendgridApiKey,
  slackToken,
  stripePublishableKey,
  stripeSecretKey,
  supabaseApiKey,
  supabaseJwt,
];
