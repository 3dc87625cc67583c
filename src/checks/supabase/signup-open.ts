import type { Check } from "../../core/index.ts";
import { needSupabase, SupabaseResponses, signupSettings } from "../../artifacts/index.ts";
import { SUPABASE_REFERENCES, webServerFixes } from "./shared.ts";
import { keyedEvidence } from "./keyed-evidence.ts";
import { CVSS_INFORMATIONAL } from "../../core/index.ts";

export const signupOpen: Check = {
  meta: {
    id: "supabase.signup-open",
    title: "Anyone can create an account without confirming an email",
    cvss: CVSS_INFORMATIONAL,
    cwe: "CWE-287",
    references: [
      {
        title: "Supabase: Auth general configuration",
        url: "https://supabase.com/docs/guides/auth/general-configuration",
      },
      ...SUPABASE_REFERENCES,
    ],
    explanation:
      "Your Supabase project accepts email sign-ups and confirms them automatically, so anyone can create any number of accounts, with any address, and be logged in at once. " +
      "That is fine for some apps, but it means the `authenticated` role is open to everyone: a Row Level Security policy that only checks `to authenticated` (instead of the user's own id) protects nothing. " +
      "Check that your policies compare `auth.uid()` with the row's owner, and consider requiring email confirmation or a CAPTCHA.",
    fixes: {
      supabase: [
        "In the dashboard, **Authentication → Sign In / Providers → Email**: turn on **Confirm email** (or turn off **Allow new users to sign up** for invite-only apps), and enable CAPTCHA protection under **Attack Protection**.",
        "Then make sure no policy treats every logged-in user as trusted:",
        "```sql",
        "-- Too wide when anyone can sign up:",
        "-- create policy ... for select to authenticated using (true);",
        "-- Scoped to the owner:",
        'create policy "Owner reads" on public.orders for select to authenticated',
        "  using ((select auth.uid()) = user_id);",
        "```",
      ].join("\n"),
      ...webServerFixes("the sign-up setting lives in the Supabase project, not in your server."),
    },
    learn: "supabase-rls#signup-open",
    needs: [needSupabase("signup")],
  },
  analyse(artifacts) {
    return artifacts.read(SupabaseResponses).flatMap(({ kind, exchange, project }) => {
      if (kind !== "auth-settings") return [];
      const settings = signupSettings(exchange);
      if (!settings || !settings.emailEnabled || !settings.autoconfirm || settings.signupDisabled) return [];
      return [
        {
          url: `${project}/auth/v1/settings`,
          summary: `${project} accepts email sign-ups and confirms them automatically (mailer_autoconfirm: true).`,
          evidence: [
            keyedEvidence(
              exchange,
              "The project's public auth settings say email sign-up is on and confirmation is skipped.",
              {
                headers: ["content-type"],
                excerpt:
                  '{"external":{"email":true},"disable_signup":false,"mailer_autoconfirm":true} (relevant settings only)',
              },
            ),
          ],
          details: { project, emailSignup: "enabled", emailConfirmation: "skipped (autoconfirm)" },
        },
      ];
    });
  },
};
