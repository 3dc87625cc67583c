import assert from "node:assert/strict";
import { after, describe, it } from "node:test";
import type { Report } from "../../engine/report.ts";
import { renderJson } from "../../reporters/json.ts";
import { redactKey } from "../../artifacts/key-redaction.ts";
import { startCloud, type Cloud } from "../../../test/fixtures/baas/cloud.ts";
import { publishableKey, SUPABASE_DEMO_ANON_KEY, supabaseJwt } from "../../../test/fixtures/baas/keys.ts";
import { blockPage, bundleSite, catchAllJsonApi, supabaseBundle } from "../../../test/fixtures/baas/sites.ts";
import { noRealDns, pinsTo, startTlsServer } from "../../../test/fixtures/baas/tls-server.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { scanFixture } from "../../../test/support/scan-fixture.ts";
import { startServer } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";

/**
 * Each project ref is its own world on one loopback TLS server; the bundle names the project, the scan's
 * resolve pins send <ref>.supabase.co there, and a lookup that refuses every name proves nothing else
 * was reached.
 */
const OPEN = "openshopqwertyuiopas";
const LOCKED = "lockedshopzxcvbnmlkj";
const DENIED = "deniedshopasdfghjklq";
const CATCH = "catchallshoppoiuytre";
const BLOCKED = "blockedshoplkjhgfdsa";
const key = (ref: string) => supabaseJwt(ref, "anon");
const hosted = (ref: string) => `https://${ref}.supabase.co`;
const CUSTOM_HOST = "db.shopfront.dev";
const PUBLISHABLE = publishableKey("shopfront");

const cloud = await startCloud({
  supabase: {
    [`${OPEN}.supabase.co`]: {
      anonKey: key(OPEN),
      tables: { profiles: 1204, orders: 87, products: 12 },
      buckets: { avatars: 3, invoices: 40 },
      bucketList: [
        { name: "avatars", public: true },
        { name: "invoices", public: false },
      ],
      authSettings: { external: { email: true }, disable_signup: false, mailer_autoconfirm: true },
      schema: {
        tables: ["profiles", "orders", "products", "admin_audit_log"],
        functions: ["get_stats", "reset_user"],
      },
    },
    [`${LOCKED}.supabase.co`]: {
      anonKey: key(LOCKED),
      tables: { profiles: 0, orders: 0, products: 0 },
      buckets: { avatars: "empty", invoices: "empty" },
      authSettings: { external: { email: true }, disable_signup: true, mailer_autoconfirm: true },
    },
    [`${DENIED}.supabase.co`]: {
      anonKey: key(DENIED),
      tables: { profiles: "denied", orders: "denied", products: "denied" },
      buckets: { avatars: "denied", invoices: "denied" },
    },
    [CUSTOM_HOST]: { anonKey: PUBLISHABLE, tables: { profiles: 5 }, buckets: { avatars: 1 } },
  },
});
/** Stands in for every name in the silence cases, which must send it nothing at all. */
const untouched = await startCloud({
  supabase: Object.fromEntries([OPEN, LOCKED].map((ref) => [`${ref}.supabase.co`, { anonKey: key(ref) }])),
});
const catchAll = await startTlsServer(catchAllJsonApi(() => ""));
const cdn = await startTlsServer(blockPage);
after(async () => Promise.all([cloud, untouched, catchAll, cdn].map((server) => server.close())));

const dns = noRealDns();
const inCloud = { resolve: cloud.resolve, lookup: dns.lookup };
const inUntouched = { resolve: untouched.resolve, lookup: dns.lookup };
const site = (ref: string) => bundleSite(supabaseBundle(hosted(ref), key(ref)));

/** What every scan here must respect: no writes, no real DNS, no full key in the JSON report. */
function contained(report: Report, keys: readonly string[], world: Cloud = cloud): void {
  assert.deepEqual(world.writes, []);
  assert.deepEqual(dns.attempts, []);
  const json = renderJson(report);
  for (const value of keys) assert.ok(!json.includes(value), "a full key reached the JSON report");
  assert.ok(!json.includes("someone@private.test"), "row data reached the report");
  assert.ok(!json.includes("private-invoice"), "a file name reached the report");
}

/** Supabase API URLs the scan requested. */
function probedApi(report: Report): string[] {
  return report.probed.urls.filter((url) => /\/(rest|storage|auth)\/v1\//.test(url));
}

/** The silence cases shared by all three checks: nothing in the bundle that may be probed. */
const silence = [
  {
    name: "a single-page app answering 200 everywhere, no Supabase in its bundle: no request at all",
    site: spaSite,
    scan: inUntouched,
    expect: (_: unknown, report: Report) => {
      assert.equal(untouched.seen.length, 0);
      contained(report, []);
    },
  },
  {
    name: "only a service_role key in the bundle: it is never sent anywhere",
    site: bundleSite(supabaseBundle(hosted(OPEN), supabaseJwt(OPEN, "service_role"))),
    scan: inUntouched,
    expect: (_: unknown, report: Report) => {
      assert.equal(untouched.seen.length, 0);
      contained(report, [supabaseJwt(OPEN, "service_role")]);
    },
  },
  {
    name: "documented example keys and a local development setup",
    site: bundleSite(
      supabaseBundle(
        "http://localhost:54321",
        SUPABASE_DEMO_ANON_KEY,
        'createClient("https://<ref>.supabase.co","<anon-key>")',
      ),
    ),
    scan: inUntouched,
    expect: () => assert.equal(untouched.seen.length, 0),
  },
  {
    name: "a catch-all JSON API answering 200 to every path, as the custom domain and as the hosted name",
    site: catchAllJsonApi((origin) =>
      supabaseBundle(hosted(CATCH), key(CATCH), `createClient("${origin}","${key(CATCH)}")`),
    ),
    scan: { resolve: pinsTo(catchAll, [`${CATCH}.supabase.co`]), lookup: dns.lookup },
    expect: (_: unknown, report: Report) => {
      // Both projects were asked (the site itself as a custom domain, and the hosted name).
      assert.ok(probedApi(report).some((url) => url.startsWith(hosted(CATCH))));
      assert.ok(probedApi(report).some((url) => url.startsWith("http://app.fixture.test")));
      contained(report, [key(CATCH)]);
    },
  },
  {
    name: "a CDN answering every request with a 403 block page",
    site: site(BLOCKED),
    scan: { resolve: pinsTo(cdn, [`${BLOCKED}.supabase.co`]), lookup: dns.lookup },
    expect: (_: unknown, report: Report) =>
      assert.ok(probedApi(report).some((url) => url.startsWith(hosted(BLOCKED)))),
  },
];

testCheck("supabase.table-readable", {
  vulnerable: [
    {
      name: "tables with rows answer a count to the anon key",
      site: site(OPEN),
      scan: inCloud,
      expect: (finding, report) => {
        assert.equal(finding?.severity, "high");
        assert.match(finding.summary, /profiles \(1,204 rows\), orders \(87 rows\)/);
        assert.equal(finding?.details.rpcsNamedNotCalled, "get_stats");
        const evidence = finding.evidence[0]!;
        assert.equal(evidence.request?.method, "HEAD");
        assert.deepEqual(
          evidence.request?.headers.filter(([name]) => name === "apikey" || name === "authorization"),
          [
            ["apikey", redactKey(key(OPEN))],
            ["authorization", `Bearer ${redactKey(key(OPEN))}`],
          ],
        );
        // The catalogue table is reported on its own, at a lower severity.
        const catalogue = report.findings.find(
          (f) => f.id === "supabase.table-readable" && f.url.endsWith("/products"),
        );
        assert.equal(catalogue?.severity, "medium");
        contained(report, [key(OPEN)]);
      },
    },
    {
      name: "code that names no table (queries built elsewhere): the common names are counted",
      site: bundleSite(`const Pt="${hosted(OPEN)}",Kt="${key(OPEN)}";const db=wn(Pt,Kt);export{db};`),
      scan: inCloud,
      expect: (finding, report) => {
        assert.match(finding?.summary ?? "", /profiles \(1,204 rows\), orders \(87 rows\)/);
        assert.equal(finding?.evidence[0]?.request?.method, "HEAD");
        contained(report, [key(OPEN)]);
      },
    },
    {
      name: 'a query built in steps in minified code (`t=db.from("orders");t=t.eq(...)`)',
      site: bundleSite(
        `const Pt="${hosted(OPEN)}",Kt="${key(OPEN)}";const db=wn(Pt,Kt);async function q(e){let t=db.from("orders");e&&(t=t.eq("o",e));return t}`,
      ),
      scan: inCloud,
      expect: (finding) => assert.match(finding?.summary ?? "", /orders \(87 rows\)/),
    },
    {
      name: "a custom domain passed to createClient with a publishable key, sent as supabase-js sends it",
      site: bundleSite(
        `const c=createClient("https://${CUSTOM_HOST}","${PUBLISHABLE}");c.from("profiles").select("id")`,
      ),
      scan: inCloud,
      expect: (finding, report) => {
        assert.equal(finding?.url, `https://${CUSTOM_HOST}/rest/v1/profiles`);
        const sent = cloud.seen.filter((req) => req.headers.host === CUSTOM_HOST);
        assert.ok(
          sent.length > 0 && sent.every((req) => req.headers.authorization === `Bearer ${PUBLISHABLE}`),
        );
        contained(report, [PUBLISHABLE]);
      },
    },
    {
      name: "the config in an inline script of the page",
      site: bundleSite("", supabaseBundle(hosted(OPEN), key(OPEN))),
      scan: inCloud,
    },
  ],
  safe: [
    { name: "RLS on without a policy: 200 with zero rows", site: site(LOCKED), scan: inCloud },
    { name: "every table answers 401 permission denied", site: site(DENIED), scan: inCloud },
    ...silence,
  ],
});

testCheck("supabase.bucket-listable", {
  vulnerable: [
    {
      name: "buckets list their files to the anon key; the private one is the worse case",
      site: site(OPEN),
      scan: inCloud,
      expect: (finding, report) => {
        const found = report.findings.filter((f) => f.id === "supabase.bucket-listable");
        assert.deepEqual(found.map((f) => f.severity).sort(), ["high", "medium"]);
        const request = found[0]!.evidence[0]!.request!;
        assert.equal(request.method, "POST");
        assert.match(finding!.evidence[0]!.response!.bodyExcerpt, /names withheld/);
        contained(report, [key(OPEN)]);
      },
    },
  ],
  safe: [
    { name: "storage policies hide every object (empty list)", site: site(LOCKED), scan: inCloud },
    { name: "the buckets refuse the anon key", site: site(DENIED), scan: inCloud },
    ...silence,
  ],
});

testCheck("supabase.signup-open", {
  vulnerable: [
    {
      name: "email sign-up is on and confirmed automatically",
      site: site(OPEN),
      scan: inCloud,
      expect: (finding, report) => {
        assert.equal(finding?.severity, "info");
        contained(report, [key(OPEN)]);
      },
    },
  ],
  safe: [
    { name: "sign-up is disabled (autoconfirm does not matter then)", site: site(LOCKED), scan: inCloud },
    { name: "default settings: email confirmation required", site: site(DENIED), scan: inCloud },
    ...silence,
  ],
});

testCheck("supabase.schema-exposed", {
  vulnerable: [
    {
      name: "the anon key reads the OpenAPI description: table and function names, never rows",
      site: site(OPEN),
      scan: inCloud,
      expect: (finding, report) => {
        assert.equal(finding?.severity, "low");
        assert.equal(finding?.url, `${hosted(OPEN)}/rest/v1/`);
        assert.equal(finding?.details.tables, "profiles, orders, products, admin_audit_log");
        assert.equal(finding?.details.functions, "get_stats, reset_user");
        const evidence = finding.evidence[0]!;
        assert.equal(evidence.request?.method, "GET");
        assert.match(evidence.response!.bodyExcerpt, /path names only/);
        contained(report, [key(OPEN)]);
      },
    },
  ],
  safe: [
    { name: "the description is not served to the anon key (404)", site: site(LOCKED), scan: inCloud },
    { name: "the anon key is refused", site: site(DENIED), scan: inCloud },
    ...silence,
  ],
});

describe("the Supabase probe", () => {
  it("stays within its bounds, sends only reads, and keeps every key and row out of the report", async () => {
    const server = await startServer(site(OPEN));
    try {
      const before = cloud.seen.length;
      const report = await scanFixture(server, { ...inCloud, only: ["supabase", "info.public-key"] });
      const sent = cloud.seen.slice(before);
      // 3 tables (HEAD), the API description, auth settings, the bucket listing, 2 bucket lists (POST): 8 requests.
      assert.deepEqual(sent.map((req) => `${req.method} ${req.url.split("?")[0]}`).sort(), [
        "GET /auth/v1/settings",
        "GET /rest/v1/",
        "GET /storage/v1/bucket",
        "HEAD /rest/v1/orders",
        "HEAD /rest/v1/products",
        "HEAD /rest/v1/profiles",
        "POST /storage/v1/object/list/avatars",
        "POST /storage/v1/object/list/invoices",
      ]);
      assert.ok(!sent.some((req) => req.url.includes("/rpc/")), "an RPC was called");
      assert.ok(report.findings.some((f) => f.id === "info.public-key"));
      contained(report, [key(OPEN)]);
    } finally {
      await server.close();
    }
  });
});
