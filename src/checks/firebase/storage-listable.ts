import { type Check, evidenceFrom, plural } from "../../core/index.ts";
import { FirebaseResponses, needFirebase, firebaseStorageItems } from "../../artifacts/index.ts";
import { CVSS_READ_ALL, FIREBASE_REFERENCES, webServerFixes } from "./shared.ts";
import { safeName } from "./names.ts";

export const storageListable: Check = {
  meta: {
    id: "firebase.storage-listable",
    title: "Anyone can list and download the files in your Firebase Storage bucket",
    cvss: CVSS_READ_ALL,
    cwe: "CWE-862",
    references: [
      {
        title: "Firebase: Cloud Storage security rules",
        url: "https://firebase.google.com/docs/storage/security",
      },
      ...FIREBASE_REFERENCES,
    ],
    explanation:
      "Your site's Firebase config names a Storage bucket, and a request without any login listed its files. " +
      "Firebase Storage only lists files when the rules allow reading them, so anyone can enumerate every file name (user uploads, documents, backups) and download each one. " +
      "This is what `allow read: if true;` (or 'test mode') does on `match /{allPaths=**}`. " +
      "The scanner asked for one entry and reports no file names.",
    fixes: {
      firebase: [
        "Scope reads to the owner's folder in `storage.rules`; public assets get their own explicit path:",
        "```",
        "rules_version = '2';",
        "service firebase.storage {",
        "  match /b/{bucket}/o {",
        "    match /users/{userId}/{allPaths=**} {",
        "      allow read, write: if request.auth != null && request.auth.uid == userId;",
        "    }",
        "    match /public/{file} {",
        "      allow get: if true;   // download by exact name only: 'get', not 'list'",
        "    }",
        "  }",
        "}",
        "```",
        "Deploy with `firebase deploy --only storage`.",
      ].join("\n"),
      ...webServerFixes("nothing in your server's configuration can close a bucket its rules leave open."),
    },
    learn: "firebase-rules#storage-listable",
    needs: [needFirebase("storage")],
  },
  analyse(artifacts) {
    return artifacts.read(FirebaseResponses).flatMap(({ kind, exchange, bucket, project, keyFoundIn }) => {
      if (kind !== "storage" || !bucket) return [];
      const items = firebaseStorageItems(exchange, bucket);
      if (items === null) return [];
      return [
        {
          url: `https://firebasestorage.googleapis.com/v0/b/${encodeURIComponent(bucket)}/o`,
          summary: `The Firebase Storage bucket ${safeName(bucket)} lists its files to anyone, without authentication.`,
          evidence: [
            evidenceFrom(exchange, "Listing the bucket without credentials returned file entries.", {
              headers: ["content-type"],
              excerpt: `(${plural(items, "entry")} returned for maxResults=1; names withheld)`,
            }),
          ],
          details: {
            bucket: safeName(bucket),
            project,
            configFoundIn: keyFoundIn,
          },
        },
      ];
    });
  },
};
