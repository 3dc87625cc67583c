import { type Check, evidenceFrom, type FindingDraft, plural } from "../../core/index.ts";
import { FirebaseResponses, needFirebase, rtdbAnswersNull, rtdbKeys } from "../../artifacts/index.ts";
import { CVSS_READ_ALL, FIREBASE_REFERENCES, webServerFixes } from "./shared.ts";
import { nameList, safeName } from "./names.ts";

export const rtdbReadable: Check = {
  meta: {
    id: "firebase.rtdb-readable",
    title: "Anyone can read your Firebase Realtime Database",
    cvss: CVSS_READ_ALL,
    cwe: "CWE-862",
    references: [
      {
        title: "Firebase: Realtime Database security rules",
        url: "https://firebase.google.com/docs/database/security",
      },
      ...FIREBASE_REFERENCES,
    ],
    explanation:
      "Your site's code names a Firebase Realtime Database, and a request without any login got data back from it. " +
      "Anyone who opens your site can find the database address in the JavaScript and download everything under that path with one request (`.json` at the end of the URL). " +
      "This is what the 'test mode' rules (`\".read\": true`) do; they are meant for a few days of development, not for production. " +
      "If writes are open too, anyone can also change or delete the data (the scanner only read the top-level key names).",
    fixes: {
      firebase: [
        "Close the database by default and open only each user's own data, in `database.rules.json`:",
        "```json",
        "{",
        '  "rules": {',
        '    ".read": false,',
        '    ".write": false,',
        '    "users": {',
        '      "$uid": {',
        '        ".read": "auth != null && auth.uid === $uid",',
        '        ".write": "auth != null && auth.uid === $uid"',
        "      }",
        "    }",
        "  }",
        "}",
        "```",
        "Deploy with `firebase deploy --only database`, then check the Rules tab in the console shows no warning.",
      ].join("\n"),
      ...webServerFixes("nothing in your server's configuration can close a database its rules leave open."),
    },
    learn: "firebase-rules#rtdb-readable",
    needs: [needFirebase("rtdb")],
  },
  analyse(artifacts) {
    const responses = artifacts.read(FirebaseResponses);
    const controls = responses.filter((response) => response.kind === "rtdb-control");
    const drafts: FindingDraft[] = [];
    for (const response of responses) {
      if (response.kind !== "rtdb") continue;
      const { exchange } = response;
      const keys = rtdbKeys(exchange);
      if (!keys) continue;
      const origin = new URL(exchange.request.url).origin;
      const path = response.path ?? "/";
      // A server that answers the same thing to every path is not a readable database.
      const control = controls.find(
        (candidate) => new URL(candidate.exchange.request.url).origin === origin && candidate.path === path,
      )?.exchange;
      if (!control || !rtdbAnswersNull(control)) continue;
      const where = path === "/" ? "the database root" : `the path /${safeName(path)}`;
      drafts.push({
        url: path === "/" ? `${origin}/.json` : `${origin}/${encodeURIComponent(path)}.json`,
        groupKey: origin,
        summary: `${origin} answers ${where} without authentication: ${plural(keys.length, "top-level key")} (${nameList(keys)}).`,
        evidence: [
          evidenceFrom(exchange, `A shallow read of ${where} without credentials returned data.`, {
            headers: ["content-type"],
            excerpt: `(top-level keys: ${nameList(keys)}; values withheld)`,
          }),
          evidenceFrom(
            control,
            "A path no app uses answered null: this is a real database that lets anyone read.",
            {
              headers: ["content-type"],
            },
          ),
        ],
        details: {
          database: origin,
          path,
          topLevelKeys: nameList(keys),
          project: response.project,
          configFoundIn: response.keyFoundIn,
        },
      });
    }
    return drafts;
  },
};
