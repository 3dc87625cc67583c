import { testCheck } from "../../../test/tester/check-tester.ts";
import { reportedAs } from "../../../test/fixtures/cors/expect.ts";
import { expressSite, koaSite } from "../../../test/fixtures/cors/frameworks.ts";
import { handRolledSite, type HandRolledPolicy } from "../../../test/fixtures/cors/hand-rolled.ts";

const exact: HandRolledPolicy = { allow: ({ origin, own }) => origin === own };

testCheck("cors.preflight-origin-reflected", {
  vulnerable: [
    {
      name: "an OPTIONS handler that echoes any origin with credentials and PUT, while GET is strict",
      site: handRolledSite({ ...exact, preflight: "echo-any" }),
    },
    {
      name: "the same, with GET sending no CORS headers at all",
      site: handRolledSite({ allow: () => false, preflight: "echo-any" }),
    },
  ],
  safe: [
    {
      name: "express + cors with an exact array of origins",
      site: expressSite((site) => ({ origin: [site.origin], credentials: true })),
    },
    {
      name: "@koa/cors({ credentials: true }) echoes on GET as well: the broader finding covers it",
      site: koaSite(() => ({ credentials: true })),
      ...reportedAs("cors.origin-reflected"),
    },
  ],
});
