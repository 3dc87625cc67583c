import type { SafeHtml } from "../web/html.ts";
import type { RequestContext } from "./context.ts";

type Headers = Record<string, string | number>;

function send(
  context: RequestContext,
  status: number,
  type: string,
  body: string | Buffer,
  headers: Headers = {},
): void {
  const { res } = context;
  if (res.headersSent) return;
  res.writeHead(status, {
    "content-type": type,
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
    ...headers,
  });
  res.end(context.req.method === "HEAD" ? undefined : body);
}

export function sendJson(
  context: RequestContext,
  status: number,
  body: unknown,
  headers: Headers = {},
): void {
  send(context, status, "application/json; charset=utf-8", `${JSON.stringify(body)}\n`, headers);
}

/** The one error shape of the API: {"error": {"code", "message"}}. */
export function sendJsonError(
  context: RequestContext,
  status: number,
  code: string,
  message: string,
  headers: Headers = {},
): void {
  sendJson(context, status, { error: { code, message } }, headers);
}

export function sendHtml(
  context: RequestContext,
  status: number,
  page: SafeHtml,
  headers: Headers = {},
): void {
  send(context, status, "text/html; charset=utf-8", page.value, headers);
}

export function sendBody(
  context: RequestContext,
  status: number,
  type: string,
  body: string,
  headers: Headers = {},
): void {
  send(context, status, type, body, headers);
}

export function redirect(context: RequestContext, location: string, status = 303): void {
  const { res } = context;
  res.writeHead(status, { location, "content-length": 0, "cache-control": "no-store" });
  res.end();
}
