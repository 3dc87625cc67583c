import assert from "node:assert/strict";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { recordedStaticSite, staticSite } from "../../../test/fixtures/exposure/sites.ts";
import { flaskDebugApp, jupyterServer, werkzeugConsolePage } from "../../../test/fixtures/exposure/tools.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded } from "../../../test/tester/recording.ts";
import { baselinePaths } from "../../probes/exposure/baseline-paths.ts";

/** A Rails development 404 ("Routing Error") with web-console rendered into it. */
const RAILS_DEV_404 = `<!DOCTYPE html><html><head><title>Action Controller: Exception caught</title></head><body>
<header><h1>Routing Error</h1></header><div id="container"><h2>No route matches [GET] "/x"</h2></div>
<div id="console" data-mount-point="/__web_console" data-session-id="4f2c9e8a1b7d3c6e5a0f" data-prompt-label=">> " data-remote-path="__web_console/repl_sessions/4f2c9e8a1b7d3c6e5a0f"></div>
</body></html>`;

const GRAFANA_PAGE = `<!DOCTYPE html><html lang="en"><head><title>Grafana</title></head><body>
<script nonce="">window.grafanaBootData = { settings: {"anonymousEnabled": true, "buildInfo": {"version": "10.4.1"}}, user: {"login": ""} };</script></body></html>`;

function grafana(search: { status: number; body: string }) {
  const recording = recorded().page({ body: GRAFANA_PAGE });
  for (const path of baselinePaths("http://app.fixture.test:8080"))
    recording.exposureBaseline(path, { status: 200, body: GRAFANA_PAGE });
  return recording.exposureCandidate("console", "/api/search?limit=1", {
    status: search.status,
    type: "application/json",
    body: search.body,
  });
}

testCheck("exposure.unauthenticated-console", {
  vulnerable: [
    {
      name: "a Flask app with debug=True and the debugger PIN turned off",
      site: flaskDebugApp(false),
      expect: (finding) => {
        assert.equal(finding?.severity, "critical");
        assert.match(finding?.summary ?? "", /Werkzeug debugger console at \/console runs any Python code/);
      },
    },
    {
      name: "Jupyter without a token: the kernels API answers",
      site: jupyterServer(false),
      expect: (finding) => {
        assert.match(finding?.summary ?? "", /Jupyter .*\/api\/kernels answered without login/);
        assert.equal(finding?.evidence.length, 2);
      },
    },
    {
      name: "a Rails development server renders web-console into its 404 pages",
      site: (() => {
        const recording = recorded().page({ body: "<html><h1>Shop</h1></html>" });
        for (const path of baselinePaths("http://app.fixture.test:8080"))
          recording.exposureBaseline(path, { status: 404, body: RAILS_DEV_404 });
        return recording;
      })(),
      expect: (finding) => assert.match(finding?.summary ?? "", /Rails web console/),
    },
    {
      name: "Grafana with anonymous access: the dashboard search answers",
      site: grafana({ status: 200, body: '[{"uid":"a1b2c3","title":"Revenue","type":"dash-db"}]' }),
      expect: (finding) => assert.equal(finding?.severity, "medium"),
    },
  ],
  safe: [
    { name: "a Flask app whose debugger console asks for the PIN", site: flaskDebugApp(true) },
    { name: "Jupyter with token authentication", site: jupyterServer(true) },
    { name: "a single-page app answering index.html everywhere", site: spaSite },
    { name: "a CDN answering with block pages", site: cdnSite },
    {
      name: "Grafana that requires login: the dashboard search answers 401",
      site: grafana({ status: 401, body: '{"message":"Unauthorized"}' }),
    },
    {
      name: "a blog post that quotes the console's script (served as text/plain at /console)",
      site: recordedStaticSite("console", {
        "/console": { type: "text/plain", body: werkzeugConsolePage(false) },
      }),
    },
    { name: "a static site with real 404s", site: staticSite({}) },
  ],
});
