import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { parseTarget } from "../core/target.ts";
import {
  clerkPublishableKey,
  firebaseApiKey,
  publishableKey,
  stripePublishableKey,
  SUPABASE_DEMO_ANON_KEY,
  supabaseJwt,
} from "../../test/fixtures/baas/keys.ts";
import { firebaseBundle, supabaseBundle, webpackFirebaseBundle } from "../../test/fixtures/baas/sites.ts";
import { extractBaasConfig } from "./baas-config.ts";
import type { ScannedText } from "./baas-sources.ts";
import { firebaseDatabaseOrigin } from "./firebase-config.ts";
import { supabaseJwtRole } from "./supabase-config.ts";

const target = parseTarget("https://app.shop.dev/");
const REF = "qwertyuiopasdfghjklz";
const OTHER_REF = "mnbvcxzlkjhgfdsapoiu";
const ANON = supabaseJwt(REF, "anon");

function sources(...texts: string[]): ScannedText[] {
  return texts.map((text, i) => ({ url: `https://app.shop.dev/assets/${i}.js`, exchangeId: i + 1, text }));
}

describe("Supabase tables in minified code", () => {
  it("finds a query built in steps, never Array.from or Buffer.from or a storage bucket", () => {
    const text = [
      `const Pt="https://${REF}.supabase.co",Kt="${ANON}";const c=wn(Pt,Kt);`,
      `async function q(e){let t=c.from("invoices");e&&(t=t.eq("owner",e));return await t.select("*")}`,
      `const l=c.schema("public").from("audit_log"),m=[c.from("teams"),1];`,
      `const a=Array.from("abc").map(String),b=Buffer.from("aGk=","base64"),u=Uint8Array.from("xy");`,
      `c.storage.from("avatars").list();`,
    ].join("\n");
    const { supabase } = extractBaasConfig(sources(text), target);
    assert.deepEqual(supabase.tables, ["invoices", "audit_log", "teams"]);
    assert.deepEqual(supabase.buckets, ["avatars"]);
  });
});

describe("Supabase configuration from bundles", () => {
  it("finds the project, its anon key, and the tables, buckets and functions the code names", () => {
    const { supabase } = extractBaasConfig(
      sources(supabaseBundle(`https://${REF}.supabase.co`, ANON)),
      target,
    );
    assert.equal(supabase.projects.length, 1);
    assert.equal(supabase.projects[0]!.url, `https://${REF}.supabase.co`);
    assert.equal(supabase.projects[0]!.key?.value, ANON);
    assert.equal(supabase.projects[0]!.key?.kind, "anon");
    // storage.from("invoices").update(...) is a bucket, Array.from / Buffer.from are not tables.
    assert.deepEqual(supabase.tables, ["profiles", "orders", "products"]);
    assert.deepEqual(supabase.buckets, ["avatars", "invoices"]);
    assert.deepEqual(supabase.rpcs, ["get_stats"]);
  });

  it("reads a JWT's role and project, and refuses the local demo key and other JWTs", () => {
    assert.deepEqual(supabaseJwtRole(ANON), { role: "anon", ref: REF });
    assert.deepEqual(supabaseJwtRole(supabaseJwt(REF, "service_role")), { role: "service_role", ref: REF });
    assert.equal(supabaseJwtRole(SUPABASE_DEMO_ANON_KEY), null);
    assert.equal(supabaseJwtRole("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.abcdefghijklmnop"), null);
  });

  it("never pairs a service_role key with a project: the project is found but has no key to probe with", () => {
    const service = supabaseJwt(REF, "service_role");
    const { supabase } = extractBaasConfig(
      sources(supabaseBundle(`https://${REF}.supabase.co`, service)),
      target,
    );
    assert.equal(supabase.serviceRoleKeySeen, true);
    assert.equal(supabase.projects[0]?.key, undefined);
    assert.equal(supabase.publicKeys.length, 0);
  });

  it("never uses a key that names another project", () => {
    const other = supabaseJwt(OTHER_REF, "anon");
    const { supabase } = extractBaasConfig(
      sources(`const u="https://${REF}.supabase.co",k="${other}";`),
      target,
    );
    const byUrl = new Map(supabase.projects.map((project) => [project.url, project.key?.value]));
    assert.equal(byUrl.get(`https://${REF}.supabase.co`), undefined);
    assert.equal(byUrl.get(`https://${OTHER_REF}.supabase.co`), other);
  });

  it("takes a custom domain from createClient(url, key) without probing the hosted name twice", () => {
    const text = `const s=createClient("https://db.shop.dev","${ANON}");s.from("carts").select("*")`;
    const { supabase } = extractBaasConfig(sources(text), target);
    assert.deepEqual(
      supabase.projects.map((project) => [project.url, project.key?.value]),
      [["https://db.shop.dev", ANON]],
    );
  });

  it("pairs a publishable key with the only project URL", () => {
    const key = publishableKey("shop");
    const { supabase, publicKeys } = extractBaasConfig(
      sources(`VITE_SUPABASE_URL:"https://${REF}.supabase.co",VITE_SUPABASE_PUBLISHABLE_KEY:"${key}"`),
      target,
    );
    assert.equal(supabase.projects[0]?.key?.kind, "publishable");
    assert.equal(publicKeys[0]?.variable, "VITE_SUPABASE_PUBLISHABLE_KEY");
  });

  it("ignores local and documentation setups: localhost URLs, the demo key, placeholder keys", () => {
    const text = [
      `createClient("http://localhost:54321","${SUPABASE_DEMO_ANON_KEY}")`,
      `createClient("http://127.0.0.1:54321","sb_publishable_your_key_here_xxxxxxxxxx")`,
      `const docs="https://<project_ref>.supabase.co";`,
    ].join("\n");
    const { supabase, publicKeys } = extractBaasConfig(sources(text), target);
    assert.deepEqual(supabase.projects, []);
    assert.deepEqual(publicKeys, []);
  });
});

describe("Firebase configuration from bundles", () => {
  const apiKey = firebaseApiKey("shop");
  const config = {
    apiKey,
    authDomain: "shop-prod-1a2b.firebaseapp.com",
    databaseURL: "https://shop-prod-1a2b-default-rtdb.europe-west1.firebasedatabase.app",
    projectId: "shop-prod-1a2b",
    storageBucket: "shop-prod-1a2b.appspot.com",
    messagingSenderId: "42",
    appId: "1:42:web:f00",
  };

  it("finds the config object and the collections and paths the minified code names", () => {
    const { firebase, publicKeys } = extractBaasConfig(sources(firebaseBundle(config)), target);
    assert.equal(firebase.projects.length, 1);
    const project = firebase.projects[0]!;
    assert.equal(project.projectId, "shop-prod-1a2b");
    assert.equal(project.apiKey.value, apiKey);
    assert.equal(
      project.databaseURL,
      "https://shop-prod-1a2b-default-rtdb.europe-west1.firebasedatabase.app",
    );
    assert.equal(project.storageBucket, "shop-prod-1a2b.appspot.com");
    assert.deepEqual(firebase.collections, ["users", "orders", "public_posts"]);
    assert.deepEqual(firebase.rtdbPaths, ["messages"]);
    assert.deepEqual(
      publicKeys.map((key) => [key.kind, key.variable]),
      [["firebase-web", "apiKey"]],
    );
  });

  it("finds collections in a webpack build whose SDK calls are all mangled exports", () => {
    const { firebase } = extractBaasConfig(sources(webpackFirebaseBundle(config)), target);
    assert.equal(firebase.projects[0]?.projectId, "shop-prod-1a2b");
    // (0,o.collection)(...), the REST path, then the strings beside the instance (fdb, i.db).
    assert.deepEqual(firebase.collections, ["audit", "reports", "invoices", "customers", "tickets"]);
  });

  it("reads the env-style config a build inlines, and derives the project from authDomain", () => {
    const text = `{NEXT_PUBLIC_FIREBASE_API_KEY:"${apiKey}",NEXT_PUBLIC_FIREBASE_AUTH_DOMAIN:"kiosk-77.firebaseapp.com"}`;
    const { firebase } = extractBaasConfig(sources(text), target);
    assert.equal(firebase.projects[0]?.projectId, "kiosk-77");
    assert.equal(firebase.projects[0]?.databaseURL, undefined);
  });

  it("accepts only Firebase hosts as a database URL", () => {
    assert.equal(
      firebaseDatabaseOrigin("https://x-default-rtdb.firebaseio.com/"),
      "https://x-default-rtdb.firebaseio.com",
    );
    assert.equal(firebaseDatabaseOrigin("https://evil.example.net"), undefined);
    assert.equal(firebaseDatabaseOrigin("http://x.firebaseio.com"), undefined);
    assert.equal(firebaseDatabaseOrigin("https://x.firebaseio.com.evil.net"), undefined);
    assert.equal(firebaseDatabaseOrigin("https://x.firebaseio.com:8443"), undefined);
  });

  it("ignores a lone Google API key, emulator demo projects and the documentation's example key", () => {
    const { firebase, publicKeys } = extractBaasConfig(
      sources(
        `const maps={apiKey:"${firebaseApiKey("maps")}",libraries:["places"]};`,
        `initializeApp({apiKey:"${firebaseApiKey("emu")}",projectId:"demo-shop"});`,
        `initializeApp({apiKey:"AIzaSyDOCAbC123dEf456GhI789jKl012-MnO",projectId:"myapp-project-123"});`,
      ),
      target,
    );
    assert.deepEqual(firebase.projects, []);
    assert.deepEqual(publicKeys, []);
  });
});

describe("publishable keys", () => {
  it("tells Stripe from Clerk, keeps the variable name, and skips documented example keys", () => {
    const stripe = stripePublishableKey("shop");
    const clerk = clerkPublishableKey("clerk.shop.dev");
    const text = [
      `const STRIPE_PUBLISHABLE_KEY="${stripe}";`,
      `const CLERK_KEY="${clerk}";`,
      `loadStripe("pk_test_TYooMQauvdEDq54NiTphI7jx");`,
      `const demo="${clerkPublishableKey("clerk.example.com", "test")}";`,
    ].join("\n");
    const { publicKeys } = extractBaasConfig(sources(text), target);
    assert.deepEqual(
      publicKeys.map((key) => [key.kind, key.variable]),
      [
        ["stripe-publishable", "STRIPE_PUBLISHABLE_KEY"],
        ["clerk-publishable", "CLERK_KEY"],
      ],
    );
  });
});
