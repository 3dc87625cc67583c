import type { SecretRule } from "../rule.ts";
import {
  groqApiKey,
  huggingFaceToken,
  openRouterApiKey,
  perplexityApiKey,
  replicateApiToken,
  xaiApiKey,
} from "./ai-providers.ts";
import { anthropicApiKey } from "./anthropic.ts";
import { awsAccessKey, awsBedrockApiKey } from "./aws.ts";
import { clerkPublishableKey } from "./clerk.ts";
import { databaseUrl } from "./database-url.ts";
import {
  brevoApiKey,
  mailchimpApiKey,
  mailgunApiKey,
  postmarkServerToken,
  resendApiKey,
} from "./email-providers.ts";
import { firebaseWebApiKey } from "./firebase.ts";
import { genericEnvLine, genericSecret } from "./generic.ts";
import { githubToken } from "./github.ts";
import { gitlabToken } from "./gitlab.ts";
import { googleOAuthSecret, googleServiceAccount } from "./google.ts";
import { npmToken } from "./npm.ts";
import { openaiApiKey } from "./openai.ts";
import {
  braintreeAccessToken,
  razorpayKeySecret,
  squareOAuthToken,
  squareToken,
} from "./payment-providers.ts";
import { privateKey } from "./private-key.ts";
import { sendgridApiKey } from "./sendgrid.ts";
import { slackToken } from "./slack.ts";
import { stripePublishableKey, stripeSecretKey } from "./stripe.ts";
import { supabaseApiKey, supabaseJwt } from "./supabase.ts";
import { telegramBotToken } from "./telegram.ts";
import { twilioApiKey } from "./twilio.ts";

/** Every rule, by name. Overlaps between rules are settled by `priority`, not by this order. */
export const RULES: readonly SecretRule[] = [
  anthropicApiKey,
  awsAccessKey,
  awsBedrockApiKey,
  braintreeAccessToken,
  brevoApiKey,
  clerkPublishableKey,
  databaseUrl,
  firebaseWebApiKey,
  genericEnvLine,
  genericSecret,
  githubToken,
  gitlabToken,
  googleOAuthSecret,
  googleServiceAccount,
  groqApiKey,
  huggingFaceToken,
  mailchimpApiKey,
  mailgunApiKey,
  npmToken,
  openaiApiKey,
  openRouterApiKey,
  perplexityApiKey,
  postmarkServerToken,
  privateKey,
  razorpayKeySecret,
  replicateApiToken,
  resendApiKey,
  sendgridApiKey,
  slackToken,
  squareOAuthToken,
  squareToken,
  stripePublishableKey,
  stripeSecretKey,
  supabaseApiKey,
  supabaseJwt,
  telegramBotToken,
  twilioApiKey,
  xaiApiKey,
];
