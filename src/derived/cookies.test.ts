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
