import type { Reference, Stack } from "../../core/index.ts";

export const FIREBASE_REFERENCES: readonly Reference[] = [
  {
    title: "Firebase: Avoid insecure rules",
    url: "https://firebase.google.com/docs/rules/insecure-rules",
  },
  { title: "Firebase: Learn about API keys", url: "https://firebase.google.com/docs/projects/api-keys" },
  { title: "CWE-862: Missing Authorization", url: "https://cwe.mitre.org/data/definitions/862.html" },
];

/** Anyone on the internet reads the data, no account needed. */
export const CVSS_READ_ALL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N";

/** The web-server stacks: the fix is in Firebase's rules, because the browser talks to Firebase directly. */
export function webServerFixes(what: string): Partial<Record<Stack, string>> {
  const lead = `Your web server never sees these requests: the browser talks to Firebase directly, so ${what} The fix is in your Firebase security rules (see the Firebase tab).`;
  const adminNote =
    "If your server needs to read everything, use the Admin SDK with a service account kept in the server's environment (it bypasses rules), and keep the client rules closed.";
  return {
    express: [
      lead,
      "",
      adminNote,
      "```js",
      "import { initializeApp, applicationDefault } from 'firebase-admin/app';",
      "initializeApp({ credential: applicationDefault() }); // GOOGLE_APPLICATION_CREDENTIALS on the server only",
      "```",
    ].join("\n"),
    nextjs: [
      lead,
      "",
      "The `NEXT_PUBLIC_FIREBASE_*` config in the browser is expected and is not a secret. " + adminNote,
      "Use `firebase-admin` only in route handlers or server actions, never in a client component.",
    ].join("\n"),
    fastapi: [
      lead,
      "",
      adminNote,
      "```python",
      "import firebase_admin",
      "firebase_admin.initialize_app()  # credentials from GOOGLE_APPLICATION_CREDENTIALS",
      "```",
    ].join("\n"),
    nginx: [
      lead,
      "",
      "Proxying Firebase through nginx does not help: the project id is public and anyone can call Google's APIs directly.",
    ].join("\n"),
  };
}
