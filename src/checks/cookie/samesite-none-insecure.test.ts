import { testCheck } from "../../../test/tester/check-tester.ts";
import { page, recordedHttps } from "../../../test/fixtures/headers/pages.ts";

testCheck("cookie.samesite-none-insecure", {
  vulnerable: [
    {
      name: "SameSite=None without Secure over https",
      site: recordedHttps({ "set-cookie": "widget_state=open; Path=/; SameSite=None" }),
    },
    // Scanned live, as SameSite=Lax over http below: the probe→artifact path.
    {
      name: "SameSite=None without Secure over http",
      site: page({ "set-cookie": "embed=1; Path=/; samesite=none" }),
    },
  ],
  safe: [
    {
      name: "SameSite=None with Secure",
      site: recordedHttps({ "set-cookie": "widget_state=open; Path=/; SameSite=None; Secure" }),
    },
    // Scanned live.
    {
      name: "SameSite=Lax without Secure over http",
      site: page({ "set-cookie": "theme=dark; SameSite=Lax" }),
    },
  ],
});
