import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { emptyDiscovery } from "../../core/recording.ts";
import { chooseLinks } from "./probe.ts";

describe("documents probe: which links it visits", () => {
  const discovery = (links: string[]) => ({ discovery: { ...emptyDiscovery(), links } });
  const page = "https://app.example.com/";

  it("prefers login/account pages, same origin first, one per section, at most the count asked", () => {
    const chosen = chooseLinks(
      discovery([
        "https://app.example.com/",
        "https://app.example.com/blog/one",
        "https://app.example.com/blog/two",
        "https://docs.example.com/login",
        "https://app.example.com/pricing",
        "https://app.example.com/login",
      ]),
      page,
      3,
    );
    assert.deepEqual(chosen, [
      "https://app.example.com/login",
      "https://app.example.com/blog/one",
      "https://app.example.com/pricing",
    ]);
  });

  it("never follows links that change state or are files", () => {
    const chosen = chooseLinks(
      discovery([
        "https://app.example.com/logout",
        "https://app.example.com/account/delete",
        "https://app.example.com/api/sign-out?next=/",
        "https://app.example.com/report.pdf",
        "https://app.example.com/static/app.js",
      ]),
      page,
      3,
    );
    assert.deepEqual(chosen, []);
  });

  it("asks for nothing when no slot is left", () => {
    assert.deepEqual(chooseLinks(discovery(["https://app.example.com/a"]), page, 0), []);
  });
});
