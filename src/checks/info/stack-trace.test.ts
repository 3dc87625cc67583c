import assert from "node:assert/strict";
import express from "express";
import { cdnSite } from "../../../test/fixtures/sites/cdn.ts";
import { spaSite } from "../../../test/fixtures/sites/spa.ts";
import { listen, type TestServer } from "../../../test/support/server.ts";
import { testCheck } from "../../../test/tester/check-tester.ts";
import { recorded, type RecordedAnswer } from "../../../test/tester/recording.ts";

/** The page names /api/users/1 so discovery finds an API route for the error trigger. */
const PAGE = `<!doctype html><title>Shop</title><script>fetch("/api/users/1")</script>`;

/** A real Express app with a parameter route, in the given mode: development shows stacks, production not. */
function expressApp(env: "development" | "production"): { start: () => Promise<TestServer> } {
  return {
    start: () => {
      const app = express();
      app.set("env", env);
      app.get("/", (_req, res) => res.type("html").send(PAGE));
      app.get("/api/users/:id", (req, res) => res.json({ id: req.params.id }));
      return listen(app.listen(0, "127.0.0.1"));
    },
  };
}

/**
 * Where the info-errors probe sends its malformed value: a path, the API route PAGE names, and /api
 * when a page names none.
 */
const TRIGGERS = {
  path: "/amihackable-%%",
  api: "/api/users/amihackable-%%",
  defaultApi: "/api/amihackable-%%",
} as const;

/** PAGE at /, and `error` (status, type, body) for every other path, as recorded. */
function errorsWith(status: number, type: string, body: string) {
  const error: RecordedAnswer = { status, type, body };
  return recorded()
    .page({ body: PAGE })
    .errorTrigger("path", TRIGGERS.path, error)
    .errorTrigger("api", TRIGGERS.api, error);
}

/** A site answering every path with the same HTML page (which names no API route), as recorded. */
function samePageEverywhere(html: string) {
  const page: RecordedAnswer = { type: "text/html", body: html };
  return recorded()
    .page(page)
    .errorTrigger("path", TRIGGERS.path, page)
    .errorTrigger("api", TRIGGERS.defaultApi, page);
}

const PYTHON_TRACEBACK = `Internal Server Error

Traceback (most recent call last):
  File "/srv/app/venv/lib/python3.11/site-packages/flask/app.py", line 1484, in full_dispatch_request
    rv = self.dispatch_request()
  File "/srv/app/main.py", line 42, in get_user
    return users[int(user_id)]
ValueError: invalid literal for int() with base 10: 'amihackable-%%'`;

const DJANGO_404 = `<!DOCTYPE html><html lang="en"><head><title>Page not found at /amihackable-%%</title></head><body>
<div id="summary"><h1>Page not found <span>(404)</span></h1></div>
<div id="info"><p>Using the URLconf defined in <code>shop.urls</code>, Django tried these URL patterns, in this order:</p>
<ol><li>admin/</li><li>api/</li></ol></div>
<div id="explanation"><p>You’re seeing this error because you have <code>DEBUG = True</code> in
your Django settings file. Change that to <code>False</code>, and Django will display a standard 404 page.</p></div></body></html>`;

const SPRING_TRACE = JSON.stringify({
  timestamp: "2024-05-01T10:00:00.000+00:00",
  status: 500,
  error: "Internal Server Error",
  trace:
    'java.lang.NumberFormatException: For input string: "amihackable-%%"\n\tat java.base/java.lang.NumberFormatException.forInputString(NumberFormatException.java:67)\n\tat java.base/java.lang.Long.parseLong(Long.java:711)\n\tat com.shop.api.UserController.get(UserController.java:31)\n',
  path: "/api/users/amihackable-%%",
});

const ASPNET_YSOD = `<html><head><title>Runtime Error</title></head><body>
<span><H1>Server Error in '/' Application.<hr width=100% size=1 color=silver></H1>
<h2> <i>Input string was not in a correct format.</i> </h2></span>
<b> Exception Details: </b>System.FormatException: Input string was not in a correct format.<br><br>
<b> Stack Trace: </b><br><br><table><tr><td><code><pre>
[FormatException: Input string was not in a correct format.]
   System.Number.StringToNumber(String str, NumberStyles options) +9591147
   Shop.Controllers.UsersController.Get(String id) in C:\\inetpub\\shop\\Controllers\\UsersController.cs:line 27
</pre></code></td></tr></table></body></html>`;

const LARAVEL_JSON = JSON.stringify({
  message: 'Attempt to read property "name" on null',
  exception: "ErrorException",
  file: "/var/www/html/app/Http/Controllers/UserController.php",
  line: 21,
  trace: [{ file: "/var/www/html/vendor/laravel/framework/src/Illuminate/Routing/Controller.php", line: 54 }],
});

const PHP_WARNING_PAGE = `<!doctype html><title>Shop</title><br />
<b>Warning</b>:  include(/var/www/html/partials/header.php): Failed to open stream: No such file or directory in <b>/var/www/html/index.php</b> on line <b>3</b><br />
<h1>Shop</h1>`;

/** A tutorial page about debugging: quotes traces, served 200 as an article. */
const ARTICLE = `<!doctype html><title>Reading stack traces</title><article><h1>How to read a Python traceback</h1>
<pre>Traceback (most recent call last):
  File "app.py", line 3, in &lt;module&gt;
ZeroDivisionError: division by zero</pre>
<p>In Node.js a stack looks like this:</p>
<pre>TypeError: x is undefined
    at handler (/app/server.js:12:9)
    at Layer.handle (/app/node_modules/express/lib/router/layer.js:95:5)</pre>
<p>You're seeing this error because you have <code>DEBUG = True</code> is what Django says.</p></article>`;

const SCRIPT_PAGE = '<!doctype html><script src="/app.js"></script>';

testCheck("info.stack-trace", {
  vulnerable: [
    {
      name: "Express in development mode: a malformed route parameter shows the stack",
      site: expressApp("development"),
      expect: (finding) => {
        assert.equal(finding?.details.kind, "Node.js stack trace");
        assert.equal(finding?.details.status, "400");
        assert.match(finding?.url ?? "", /\/api\/users\/amihackable-%%$/);
        assert.match(finding?.evidence[0]?.response?.bodyExcerpt ?? "", /at [^<]*\(\/[^)]*:\d+:\d+\)/);
      },
    },
    {
      name: "a Python traceback on the API",
      site: errorsWith(500, "text/plain", PYTHON_TRACEBACK),
      expect: (finding) => assert.equal(finding?.details.kind, "Python traceback"),
    },
    {
      name: "Django's DEBUG 404 page on an unknown path",
      site: errorsWith(404, "text/html", DJANGO_404),
      expect: (finding) => assert.equal(finding?.details.kind, "Django debug page"),
    },
    {
      name: "Spring Boot's error JSON with a trace",
      site: errorsWith(500, "application/json", SPRING_TRACE),
      expect: (finding) => assert.equal(finding?.details.kind, "Java stack trace"),
    },
    {
      name: "ASP.NET's yellow screen of death",
      site: errorsWith(500, "text/html", ASPNET_YSOD),
      expect: (finding) => assert.equal(finding?.details.kind, "ASP.NET error page"),
    },
    {
      name: "Laravel's debug JSON with framework paths",
      site: errorsWith(500, "application/json", LARAVEL_JSON),
      expect: (finding) => assert.equal(finding?.details.kind, "Laravel error page"),
    },
    {
      name: "a PHP warning with the file path in the page itself (display_errors on)",
      site: samePageEverywhere(PHP_WARNING_PAGE),
      expect: (finding) => assert.equal(finding?.details.status, "200"),
    },
  ],
  safe: [
    { name: "Express in production mode", site: expressApp("production") },
    { name: "a single-page app answering 200 everywhere", site: spaSite },
    { name: "a CDN with block pages", site: cdnSite },
    {
      name: "a generic error page",
      site: errorsWith(
        500,
        "text/html",
        "<!doctype html><title>Error</title><h1>500 Internal Server Error</h1>",
      ),
    },
    {
      name: "Spring's whitelabel page without a trace",
      site: errorsWith(
        404,
        "text/html",
        "<html><body><h1>Whitelabel Error Page</h1><p>This application has no explicit mapping for /error, so you are seeing this as a fallback.</p><div>There was an unexpected error (type=Not Found, status=404).</div></body></html>",
      ),
    },
    {
      // A false positive to avoid: an article that quotes traces is content, not an error page.
      name: "a 200 article quoting stack traces",
      site: samePageEverywhere(ARTICLE),
    },
    {
      name: "a script that contains frame-like strings",
      // The script is served at /app.js; every other path answers the page.
      site: recorded()
        .page({ type: "text/html", body: SCRIPT_PAGE })
        .bundle("/app.js", 'const s="at a (/x/y.js:1:2)\\n at b (/x/z.js:3:4)";')
        .errorTrigger("path", TRIGGERS.path, { type: "text/html", body: SCRIPT_PAGE })
        .errorTrigger("api", TRIGGERS.defaultApi, { type: "text/html", body: SCRIPT_PAGE }),
    },
  ],
});
