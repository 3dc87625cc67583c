import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Report } from "../../engine/report.ts";
import { renderJson } from "../../reporters/json.ts";
import { startCloud, type CloudWorld } from "../../../test/fixtures/baas/cloud.ts";
import { firebaseApiKey } from "../../../test/fixtures/baas/keys.ts";
import {
  blockPage,
  bundleSite,
  catchAllJsonApi,
  firebaseBundle,
  webpackFirebaseBundle,
} from "../../../test/fixtures/baas/sites.ts";
import { noRealDns, pinsTo, startTlsServer } from "../../../test/fixtures/baas/tls-server.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { scanFixture } from "../../../test/support/scan-fixture.ts";
import { startServer } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";

/**
 * Firebase projects as one loopback TLS world: the Realtime Database hosts, firestore.googleapis.com and
 * firebasestorage.googleapis.com are pinned to it; a lookup that refuses every name proves nothing else
 * was reached.
 */
const PRIVATE = { email: "someone@private.test", phone: "+33 6 00 00 00 00" };
const rtdbHost = (project: string) => `${project}-default-rtdb.firebaseio.com`;
const REGIONAL_HOST = "shop-paths-3c4d-default-rtdb.europe-west1.firebasedatabase.app";

const world: CloudWorld = {
  rtdb: {
    [rtdbHost("shop-open-1a2b")]: {
      data: { users: { u1: PRIVATE }, messages: { m1: { text: "hi" } }, version: "3" },
      readable: ["/"],
    },
    [REGIONAL_HOST]: {
      data: { users: { u1: PRIVATE }, messages: { m1: { text: "hi" } } },
      readable: ["/messages"],
    },
    [rtdbHost("shop-locked-5e6f")]: { data: { users: { u1: PRIVATE } }, readable: [] },
    [rtdbHost("shop-empty-7a8b")]: { data: {}, readable: ["/"] },
  },
  firestore: {
    "shop-open-1a2b": {
      users: [{ ...PRIVATE, name: "Ann" }],
      orders: [{ total: "12.00" }],
      public_posts: "denied",
    },
    "shop-paths-3c4d": { users: "denied", orders: "denied", public_posts: [] },
    "shop-locked-5e6f": { users: "denied", orders: "denied", public_posts: "denied" },
    "shop-empty-7a8b": { users: [], orders: [], public_posts: [] },
    "shop-webpack-2c3d": { invoices: [{ total: "9.90" }], customers: "denied", tickets: [] },
    "shop-unnamed-4e5f": { profiles: [{ ...PRIVATE }], orders: "denied" },
  },
  storage: {
    "shop-open-1a2b.appspot.com": 25,
    "shop-locked-5e6f.appspot.com": "denied",
    "shop-empty-7a8b.appspot.com": 0,
  },
};

function config(project: string, databaseURL = `https://${rtdbHost(project)}`) {
  return {
    apiKey: firebaseApiKey(project),
    authDomain: `${project}.firebaseapp.com`,
    databaseURL,
    projectId: project,
    storageBucket: `${project}.appspot.com`,
    messagingSenderId: "1059418877",
    appId: "1:1059418877:web:39af8160",
  };
}
const site = (project: string, databaseURL?: string) =>
  bundleSite(firebaseBundle(config(project, databaseURL)));

const cloud = await startCloud(world);
const untouched = await startCloud({ rtdb: { [rtdbHost("shop-open-1a2b")]: { data: {}, readable: [] } } });
const catchAll = await startTlsServer(catchAllJsonApi(() => ""));
const cdn = await startTlsServer(blockPage);
after(async () => Promise.all([cloud, untouched, catchAll, cdn].map((server) => server.close())));

const dns = noRealDns();
const inCloud = { resolve: cloud.resolve, lookup: dns.lookup };
const GOOGLE = ["firestore.googleapis.com", "firebasestorage.googleapis.com"];

function contained(report: Report): void {
  assert.deepEqual(cloud.writes, []);
  assert.deepEqual(dns.attempts, []);
  const json = renderJson(report);
  assert.ok(!json.includes("someone@private.test"), "data values reached the report");
  assert.ok(!json.includes("passport-"), "a file name reached the report");
}

const silence = [
  {
    name: "a single-page app answering 200 everywhere, no Firebase in its bundle: no request at all",
    site: spaSite,
    scan: { resolve: untouched.resolve, lookup: dns.lookup },
    expect: () => assert.equal(untouched.seen.length, 0),
  },
  {
    name: "documented example config and an emulator demo project",
    site: bundleSite(
      [
        firebaseBundle({ ...config("shop-open-1a2b"), apiKey: "AIzaSyDOCAbC123dEf456GhI789jKl012-MnO" }),
        firebaseBundle({ ...config("demo-shop"), apiKey: firebaseApiKey("emulator") }),
      ].join("\n;\n".padEnd(2000, " ")),
    ),
    scan: { resolve: untouched.resolve, lookup: dns.lookup },
    expect: () => assert.equal(untouched.seen.length, 0),
  },
  {
    name: "every Firebase name answered by a catch-all JSON API (200 to any path)",
    site: site("shop-catch-9z9z"),
    scan: { resolve: pinsTo(catchAll, [rtdbHost("shop-catch-9z9z"), ...GOOGLE]), lookup: dns.lookup },
    expect: (_: unknown, report: Report) => {
      assert.ok(
        report.probed.urls.some((url) => url.includes("firebaseio.com") || url.includes("googleapis.com")),
      );
      contained(report);
    },
  },
  {
    name: "every Firebase name answered by a CDN block page (403)",
    site: site("shop-cdn-4x4x"),
    scan: { resolve: pinsTo(cdn, [rtdbHost("shop-cdn-4x4x"), ...GOOGLE]), lookup: dns.lookup },
    expect: (_: unknown, report: Report) => {
      assert.ok(report.probed.urls.some((url) => url.includes("shop-cdn-4x4x")));
      contained(report);
    },
  },
];

testCheck("firebase.rtdb-readable", {
  vulnerable: [
    {
      name: "the database root answers without authentication",
      site: site("shop-open-1a2b"),
      scan: inCloud,
      expect: (finding, report) => {
        assert.equal(finding?.severity, "high");
        assert.equal(finding?.details.topLevelKeys, "users, messages, version");
        assert.match(finding.evidence[0]!.response!.bodyExcerpt, /values withheld/);
        contained(report);
      },
    },
    {
      name: "the root is closed but a path the code reads is open (regional database)",
      site: site("shop-paths-3c4d", `https://${REGIONAL_HOST}`),
      scan: inCloud,
      expect: (finding) => {
        assert.equal(finding?.url, `https://${REGIONAL_HOST}/messages.json`);
        assert.equal(finding?.details.path, "messages");
      },
    },
  ],
  safe: [
    { name: "rules deny every read (Permission denied)", site: site("shop-locked-5e6f"), scan: inCloud },
    { name: "readable but empty (null)", site: site("shop-empty-7a8b"), scan: inCloud },
    {
      name: "a databaseURL outside Firebase's hosts is never contacted",
      site: site("shop-open-1a2b", "https://shop-open-1a2b.rtdb.attacker.example"),
      scan: inCloud,
      expect: (_, report) => {
        assert.ok(!report.probed.urls.some((url) => url.includes("attacker")));
        contained(report);
      },
    },
    ...silence,
  ],
});

testCheck("firebase.firestore-readable", {
  vulnerable: [
    {
      name: "collections named in the minified code return documents without authentication",
      site: site("shop-open-1a2b"),
      scan: inCloud,
      expect: (finding, report) => {
        assert.equal(finding?.severity, "high");
        assert.equal(finding?.details.collections, "users, orders");
        assert.match(finding.summary, /users \(fields: email, phone, name\)/);
        contained(report);
      },
    },
    {
      name: "a webpack build (SDK calls mangled): the collection named beside the Firestore instance",
      site: bundleSite(webpackFirebaseBundle(config("shop-webpack-2c3d"))),
      scan: inCloud,
      expect: (finding, report) => {
        assert.equal(finding?.details.collections, "invoices");
        contained(report);
      },
    },
    {
      name: "code that names no collection: a common name (profiles) asked the same count-only way",
      site: bundleSite(
        `const Ep={${Object.entries(config("shop-unnamed-4e5f"))
          .map(([k, v]) => `${k}:"${v}"`)
          .join(",")}};const app=Hi(Ep);`,
      ),
      scan: inCloud,
      expect: (finding, report) => {
        assert.equal(finding?.details.collections, "profiles");
        assert.match(finding.evidence[0]!.request!.url, /\/documents\/profiles\?pageSize=1$/);
        contained(report);
      },
    },
  ],
  safe: [
    { name: "rules deny (PERMISSION_DENIED)", site: site("shop-locked-5e6f"), scan: inCloud },
    { name: "collections are readable but empty", site: site("shop-empty-7a8b"), scan: inCloud },
    ...silence,
  ],
});

testCheck("firebase.storage-listable", {
  vulnerable: [
    {
      name: "the bucket lists its files without authentication",
      site: site("shop-open-1a2b"),
      scan: inCloud,
      expect: (finding, report) => {
        assert.equal(finding?.severity, "high");
        assert.match(finding.evidence[0]!.response!.bodyExcerpt, /names withheld/);
        contained(report);
      },
    },
  ],
  safe: [
    { name: "rules deny listing (403)", site: site("shop-locked-5e6f"), scan: inCloud },
    { name: "the bucket is empty", site: site("shop-empty-7a8b"), scan: inCloud },
    ...silence,
  ],
});

describe("the Firebase probe", () => {
  it("stays within its bounds and sends only GETs to Firebase's hosts", async () => {
    const server = await startServer(site("shop-open-1a2b"));
    try {
      const before = cloud.seen.length;
      const report = await scanFixture(server, { ...inCloud, only: ["firebase"] });
      const sent = cloud.seen
        .slice(before)
        .map((req) => `${req.method} ${req.headers.host} ${req.url.split("?")[0]}`);
      // Root + its control, 3 collections, 1 bucket listing: 6 requests.
      assert.deepEqual(sent.sort(), [
        "GET firebasestorage.googleapis.com /v0/b/shop-open-1a2b.appspot.com/o",
        "GET firestore.googleapis.com /v1/projects/shop-open-1a2b/databases/(default)/documents/orders",
        "GET firestore.googleapis.com /v1/projects/shop-open-1a2b/databases/(default)/documents/public_posts",
        "GET firestore.googleapis.com /v1/projects/shop-open-1a2b/databases/(default)/documents/users",
        "GET shop-open-1a2b-default-rtdb.firebaseio.com /.json",
        "GET shop-open-1a2b-default-rtdb.firebaseio.com /amihackable-probe-missing-path.json",
      ]);
      assert.ok(!renderJson(report).includes(firebaseApiKey("shop-open-1a2b")));
      contained(report);
    } finally {
      await server.close();
    }
  });
});
