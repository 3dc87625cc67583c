import { type Check, evidenceFrom, type FindingDraft, plural } from "../../core/index.ts";
import {
  FirebaseResponses,
  needFirebase,
  type FirebaseResponse,
  firestoreDocuments,
  type FirestorePage,
} from "../../artifacts/index.ts";
import { CVSS_READ_ALL, FIREBASE_REFERENCES, webServerFixes } from "./shared.ts";
import { nameList, safeName } from "./names.ts";

export const firestoreReadable: Check = {
  meta: {
    id: "firebase.firestore-readable",
    title: "Anyone can read your Firestore collections",
    cvss: CVSS_READ_ALL,
    cwe: "CWE-862",
    references: [
      {
        title: "Firebase: Get started with Cloud Firestore Security Rules",
        url: "https://firebase.google.com/docs/firestore/security/get-started",
      },
      ...FIREBASE_REFERENCES,
    ],
    explanation:
      "Your site's code reads these Firestore collections, and a request without any login got documents back. " +
      "Anyone can take the project id from your JavaScript and page through every document of the collection with Google's public REST API. " +
      "This is what 'test mode' rules (`allow read, write: if true;` or a date-based rule) or a rule like `allow read: if request.auth != null` without an owner check do. " +
      "The scanner asked for one document and reports only the field names, never the values.",
    fixes: {
      firebase: [
        "Let each user read only their own documents, in `firestore.rules`; anything not matched stays closed:",
        "```",
        "rules_version = '2';",
        "service cloud.firestore {",
        "  match /databases/{database}/documents {",
        "    match /users/{userId} {",
        "      allow read, write: if request.auth != null && request.auth.uid == userId;",
        "    }",
        "    match /posts/{postId} {",
        "      allow read: if resource.data.published == true; // public content, explicitly",
        "      allow write: if request.auth != null && request.auth.uid == resource.data.authorId;",
        "    }",
        "  }",
        "}",
        "```",
        "Deploy with `firebase deploy --only firestore:rules` and test the rules in the emulator or the Rules Playground.",
      ].join("\n"),
      ...webServerFixes(
        "nothing in your server's configuration can close a collection its rules leave open.",
      ),
    },
    learn: "firebase-rules#firestore-readable",
    needs: [needFirebase("firestore")],
  },
  analyse(artifacts) {
    const groups = new Map<
      string,
      Array<{ response: FirebaseResponse; collection: string; page: FirestorePage }>
    >();
    for (const response of artifacts.read(FirebaseResponses)) {
      const { kind, project, collection } = response;
      if (kind !== "firestore" || !project || !collection) continue;
      const page = firestoreDocuments(response.exchange, project, collection);
      if (!page) continue;
      groups.set(project, [...(groups.get(project) ?? []), { response, collection, page }]);
    }
    const drafts: FindingDraft[] = [];
    for (const [project, collections] of groups) {
      const first = collections[0]!;
      const list = collections
        .map(
          ({ collection, page }) => `${safeName(collection)} (fields: ${nameList(page.fields, 8) || "none"})`,
        )
        .join("; ");
      drafts.push({
        url: `https://firestore.googleapis.com/v1/projects/${project}/databases/(default)/documents/${encodeURIComponent(first.collection)}`,
        groupKey: project,
        summary: `Firestore in project ${safeName(project)} returns documents without authentication from ${plural(collections.length, "collection")}: ${list}.`,
        evidence: collections.slice(0, 3).map(({ response: { exchange }, collection, page }) =>
          evidenceFrom(
            exchange,
            `Listing collection ${safeName(collection)} without credentials returned a document.`,
            {
              headers: ["content-type"],
              excerpt: `(${plural(page.documents, "document")} returned for pageSize=1; field names: ${nameList(page.fields, 15) || "none"}; values withheld)`,
            },
          ),
        ),
        details: {
          project,
          collections: collections.map(({ collection }) => safeName(collection)).join(", "),
          configFoundIn: first.response.keyFoundIn,
        },
      });
    }
    return drafts;
  },
};
