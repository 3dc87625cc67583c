import {
  type Check,
  bodyText,
  evidenceFrom,
  type Exchange,
  type FindingDraft,
  mimeType,
  isSameSite,
} from "../../core/index.ts";
import { ErrorTriggers, ScanExchanges } from "../../artifacts/index.ts";
import { findTrace, type TraceMatch } from "./trace-signatures.ts";

/** Traces sit near the top of an error page; reading more of a hostile body only costs time. */
const MAX_TEXT_CHARS = 256 * 1024;
/** Code and assets are not error pages, whatever strings they contain. */
const NOT_A_PAGE_TYPE = /javascript|ecmascript|css|image\/|font\/|audio\/|video\/|wasm|octet-stream|zip|pdf/;
const NOT_A_PAGE_PATH = /\.(m?js|cjs|css|map|wasm|png|jpe?g|gif|webp|svg|ico|woff2?)$/i;

export const stackTrace: Check = {
  meta: {
    id: "info.stack-trace",
    title: "Error pages show stack traces or a framework's debug page",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-209",
    references: [
      {
        title: "OWASP WSTG: Testing for Improper Error Handling",
        url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/08-Testing_for_Error_Handling/01-Testing_For_Improper_Error_Handling",
      },
      {
        title: "OWASP Error Handling Cheat Sheet",
        url: "https://cheatsheetseries.owasp.org/cheatsheets/Error_Handling_Cheat_Sheet.html",
      },
      {
        title: "CWE-209: Generation of Error Message Containing Sensitive Information",
        url: "https://cwe.mitre.org/data/definitions/209.html",
      },
      {
        title: "Express: Production best practices (NODE_ENV=production)",
        url: "https://expressjs.com/en/advanced/best-practice-performance.html",
      },
    ],
    explanation:
      "When something goes wrong, your server sends the error's internals to the visitor: a stack trace with file paths and line numbers, or a framework debug page (Django with DEBUG = True, Laravel's Ignition, the Rails or Werkzeug debugger, ASP.NET's yellow screen). " +
      "It tells an attacker which framework and libraries you run and where your code lives, and debug pages often show far more: settings, environment variables, database queries, sometimes secrets or an interactive console. " +
      "It usually means the app runs in development mode in production (NODE_ENV, DEBUG, APP_DEBUG not set), or an error handler sends `err.stack` to the client. Errors should be logged on the server and answered with a short generic message.",
    fixes: {
      express: [
        "Run with `NODE_ENV=production` (Express then hides stacks in its default handler), and end your middleware with a handler that logs and answers generically:",
        "```js",
        "app.use((err, req, res, next) => {",
        "  console.error(err);",
        "  res.status(err.status ?? 500).json({ error: 'Something went wrong' });",
        "});",
        "```",
        "Never send `err.stack` or `err.message` from unknown errors to the client.",
      ].join("\n"),
      nextjs:
        "Run `next build && next start` in production, never `next dev` (the development overlay shows source and stacks). In route handlers, catch errors, log them, and return `NextResponse.json({ error: 'Something went wrong' }, { status: 500 })` without the error's message or stack.",
      fastapi: [
        "Do not run with `debug=True` (Starlette then returns tracebacks), and answer unexpected errors generically:",
        "```python",
        "app = FastAPI(debug=False)",
        "",
        "@app.exception_handler(Exception)",
        "async def unhandled(request, exc):",
        "    logger.exception('unhandled error')",
        "    return JSONResponse({'error': 'Something went wrong'}, status_code=500)",
        "```",
      ].join("\n"),
      nginx: [
        "Fix it in the application (its debug mode is the cause). nginx can hide upstream error pages as a stopgap:",
        "```nginx",
        "proxy_intercept_errors on;",
        "error_page 500 502 503 504 /50x.html;",
        "```",
      ].join("\n"),
      django:
        "Set `DEBUG = False` in production settings (and `ALLOWED_HOSTS`); Django then shows its plain 404/500 templates.",
      laravel:
        "Set `APP_DEBUG=false` and `APP_ENV=production` in the production `.env`, then `php artisan config:cache`.",
      rails:
        "Run with `RAILS_ENV=production`; make sure `config.consider_all_requests_local = false` in `config/environments/production.rb`.",
    },
    learn: "information-leaks#stack-trace",
    needs: [ScanExchanges, ErrorTriggers],
  },
  analyse(artifacts) {
    const found: Array<{ exchange: Exchange; match: TraceMatch }> = [];
    const triggers = new Set(artifacts.read(ErrorTriggers).map(({ exchange }) => exchange));
    for (const exchange of artifacts.read(ScanExchanges).all) {
      const response = exchange.response;
      if (!response || !isSameSite(artifacts.target, new URL(exchange.request.url))) continue;
      if (NOT_A_PAGE_TYPE.test(mimeType(response.headers))) continue;
      if (NOT_A_PAGE_PATH.test(new URL(exchange.request.url).pathname)) continue;
      const match = findTrace(bodyText(response).slice(0, MAX_TEXT_CHARS), response.status);
      if (match) found.push({ exchange, match });
    }
    // The probe's own triggers first: they are the ones a reader can reproduce on purpose.
    const rank = (exchange: Exchange) => (triggers.has(exchange) ? 0 : 1);
    found.sort((a, b) => rank(a.exchange) - rank(b.exchange) || a.exchange.id - b.exchange.id);
    return found.map(({ exchange, match }): FindingDraft => ({
      url: exchange.request.url,
      groupKey: new URL(exchange.request.url).origin,
      summary: `${exchange.request.url} answered ${exchange.response!.status} with a ${match.signature.name}.`,
      evidence: [
        evidenceFrom(
          exchange,
          `The ${exchange.response!.status} response contains a ${match.signature.name}.`,
          { headers: ["content-type", "server", "x-powered-by"], around: match.index },
        ),
      ],
      details: { kind: match.signature.name, status: String(exchange.response!.status) },
    }));
  },
};
