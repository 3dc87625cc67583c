import { testCheck } from "../../../test/tester/check-tester.ts";
import { reportedAs } from "../../../test/fixtures/cors/expect.ts";
import { expressSite, honoSite, koaSite } from "../../../test/fixtures/cors/frameworks.ts";

testCheck("cors.wildcard-with-credentials", {
  vulnerable: [
    {
      name: "express + cors({ origin: '*', credentials: true })",
      site: expressSite(() => ({ origin: "*", credentials: true })),
    },
    {
      name: "hono/cors({ credentials: true }) with its default origin `*`",
      site: honoSite(() => ({ credentials: true })),
    },
  ],
  safe: [
    { name: "express + cors() defaults (`*`, no credentials)", site: expressSite(() => undefined) },
    {
      name: "@koa/cors({ credentials: true }) swaps `*` for the request's origin",
      site: koaSite(() => ({ credentials: true })),
      ...reportedAs("cors.origin-reflected"),
    },
  ],
});
