import { testCheck } from "../../../test/tester/check-tester.ts";
import { overHttps, page } from "../../../test/fixtures/headers/pages.ts";

const HTTPS = { scheme: "https" } as const;

testCheck("cookie.samesite-none-insecure", {
  vulnerable: [
    {
      name: "SameSite=None without Secure over https",
      site: overHttps(page({ "set-cookie": "widget_state=open; Path=/; SameSite=None" })),
      scan: HTTPS,
    },
    {
      name: "SameSite=None without Secure over http",
      site: page({ "set-cookie": "embed=1; Path=/; samesite=none" }),
    },
  ],
  safe: [
    {
      name: "SameSite=None with Secure",
      site: overHttps(page({ "set-cookie": "widget_state=open; Path=/; SameSite=None; Secure" })),
      scan: HTTPS,
    },
    {
      name: "SameSite=Lax without Secure over http",
      site: page({ "set-cookie": "theme=dark; SameSite=Lax" }),
    },
  ],
});
