import type { Check } from "../../core/index.ts";
import { aiProviderKey } from "./ai-provider-key.ts";
import { emailProviderKey } from "./email-provider-key.ts";
import { twilioApiKey } from "./twilio-api-key.ts";
import { paymentProviderKey } from "./payment-provider-key.ts";
import { gitlabToken } from "./gitlab-token.ts";
import { npmToken } from "./npm-token.ts";
import { telegramBotToken } from "./telegram-bot-token.ts";
import { anthropicApiKey } from "./anthropic-api-key.ts";
import { awsAccessKey } from "./aws-access-key.ts";
import { databaseUrl } from "./database-url.ts";
import { genericSecret } from "./generic.ts";
import { githubToken } from "./github-token.ts";
import { googleOAuthSecret } from "./google-oauth-secret.ts";
import { openaiApiKey } from "./openai-api-key.ts";
import { privateKey } from "./private-key.ts";
import { sendgridApiKey } from "./sendgrid-api-key.ts";
import { slackToken } from "./slack-token.ts";
import { stripeSecretKey } from "./stripe-secret-key.ts";
import { supabaseServiceRoleKey } from "./supabase-service-role-key.ts";

export const secretChecks: readonly Check[] = [
  anthropicApiKey,
  awsAccessKey,
  databaseUrl,
  genericSecret,
  githubToken,
  googleOAuthSecret,
  openaiApiKey,
  privateKey,
  sendgridApiKey,
  slackToken,
  stripeSecretKey,
  supabaseServiceRoleKey,
  aiProviderKey,
  emailProviderKey,
  twilioApiKey,
  paymentProviderKey,
  gitlabToken,
  npmToken,
  telegramBotToken,
];
