import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { prefixViolation, sessionReason, type ObservedCookie } from "./cookies.ts";

describe("session-like cookies", () => {
  const sessionLike = [
    ["connect.sid", "s%3Aabc"],
    ["next-auth.session-token", "x"],
    ["__Secure-next-auth.session-token", "x"],
    ["authjs.session-token", "x"],
    ["__Secure-authjs.session-token.0", "x"],
    ["sb-abcdefghijklmnopqrst-auth-token", "base64-x"],
    ["PHPSESSID", "x"],
    ["JSESSIONID", "x"],
    ["laravel_session", "x"],
    ["ASP.NET_SessionId", "x"],
    ["_myapp_session", "x"],
    ["session", "x"],
    ["sid", "x"],
    ["__Host-id", "x"],
    ["user", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.sig"],
    ["ci_session", "x"],
    ["myapp-session", "x"],
    ["_secure_session_id", "x"],
    ["shop_session_v2", "x"],
    ["wordpress_logged_in_0123456789abcdef0123456789abcdef", "admin%7C1700000000"],
    ["ASPSESSIONIDQQGGQQGG", "x"],
  ] as const;
  for (const [name, value] of sessionLike)
    it(`${name} is session-like`, () => assert.ok(sessionReason(name, value)));

  const notSessionLike = [
    ["theme", "dark"],
    ["locale", "en"],
    ["_ga", "GA1.1.123.456"],
    ["XSRF-TOKEN", "abc"],
    ["csrftoken", "abc"],
    ["__Host-next-auth.csrf-token", "abc"],
    ["cookie_consent", "yes"],
    // Analytics counters that merely mention a session.
    ["session_start", "1700000000"],
    ["session_count", "3"],
    ["intercom-session-abc", ""],
    // Set by the platform in front of the site (Cloudflare, AWS ALB, Vercel previews), not by the site.
    ["__cf_bm", "abc.def-1700000000-1.0.1.1-xyz"],
    ["_cfuvid", "abc-1700000000000-0.0.1.1-604800000"],
    ["AWSALB", "abc/def=="],
    ["AWSALBCORS", "abc/def=="],
    ["__vercel_live_token", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NSJ9.sig"],
  ] as const;
  for (const [name, value] of notSessionLike)
    it(`${name} is not session-like`, () => assert.equal(sessionReason(name, value), undefined));
});

describe("cookie prefixes", () => {
  const cookie = (name: string, attributes: Partial<ObservedCookie>): ObservedCookie =>
    ({ name, https: true, secure: true, path: "/", domain: undefined, ...attributes }) as ObservedCookie;

  it("accepts a correct __Host- cookie", () =>
    assert.equal(prefixViolation(cookie("__Host-a", {})), undefined));
  it("refuses __Host- with a Domain", () =>
    assert.match(prefixViolation(cookie("__Host-a", { domain: "example.com" }))!, /Domain=example\.com/));
  it("refuses __Host- without Path=/", () =>
    assert.match(prefixViolation(cookie("__Host-a", { path: "/app" }))!, /Path/));
  it("refuses __Secure- without Secure, in any letter case", () =>
    assert.match(prefixViolation(cookie("__SECURE-a", { secure: false }))!, /lacks Secure/));
  it("lets __Secure- carry a Domain", () =>
    assert.equal(prefixViolation(cookie("__Secure-a", { domain: "example.com" })), undefined));
});
