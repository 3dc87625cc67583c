import { errors as undiciErrors } from "undici";
import type { ExchangeError, ExchangeErrorCode } from "../core/index.ts";
import { BlockedAddressError } from "./connector.ts";

export interface ErrorContext {
  /** The scan's deadline had passed (or the client was closed) when the request failed. */
  deadline: boolean;
  /** The request's own whole-request timer had fired. */
  timedOut: boolean;
  maxHeaderBytes: number;
}

/**
 * Turns whatever undici, the connector, Node's sockets or OpenSSL threw into one of a few codes and a
 * message fit for a person (a report says "the connection was refused", not "ECONNREFUSED").
 * The order matters: a request aborted by the deadline is a deadline, whatever error the abort surfaced as.
 */
export function classifyError(error: unknown, context: ErrorContext): ExchangeError {
  const err = error as { code?: string; message?: string; cause?: { code?: string; message?: string } };
  const code = err.code ?? err.cause?.code ?? "";
  const message = err.message ?? String(error);
  const as = (kind: ExchangeErrorCode, text: string): ExchangeError => ({ code: kind, message: text });

  if (error instanceof BlockedAddressError) return as("blocked-address", message);
  if (context.deadline) return as("deadline", "the scan deadline passed before the response was complete");
  if (
    context.timedOut ||
    error instanceof undiciErrors.HeadersTimeoutError ||
    error instanceof undiciErrors.BodyTimeoutError ||
    error instanceof undiciErrors.ConnectTimeoutError ||
    code === "UND_ERR_CONNECT_TIMEOUT" ||
    code === "ETIMEDOUT"
  ) {
    return as("timeout", "the server did not answer in time");
  }
  if (error instanceof undiciErrors.HeadersOverflowError || code === "UND_ERR_HEADERS_OVERFLOW") {
    return as(
      "invalid-response",
      `its response headers were larger than ${Math.round(context.maxHeaderBytes / 1024)} KiB, more than a browser or this scanner accepts`,
    );
  }
  if (code === "ENOTFOUND" || code === "EAI_AGAIN" || code === "EAI_NONAME" || code === "EAI_NODATA") {
    return as("dns", message);
  }
  if (code === "ECONNREFUSED") return as("refused", "the connection was refused");
  const tls = tlsReason(code, message);
  if (tls) return as("tls", tls);
  if (code === "ECONNRESET" || code === "UND_ERR_SOCKET" || code === "EPIPE") {
    return as("reset", "the connection was closed before a complete response arrived");
  }
  if (code === "EHOSTUNREACH" || code === "ENETUNREACH") return as("other", "there is no route to the host");
  if (
    code.startsWith("HPE_") ||
    code === "UND_ERR_INVALID_ARG" ||
    code === "UND_ERR_RES_CONTENT_LENGTH_MISMATCH"
  ) {
    return as("invalid-response", `the response is not valid HTTP (${message})`);
  }
  return as("other", message);
}

/**
 * A readable reason when the failure happened while setting up TLS, else null. OpenSSL messages look like
 * "40BD…:error:0A00010B:SSL routines:tls_validate_record_header:wrong version number:…/tlsany_meth.c:77:".
 */
export function tlsReason(code: string, message: string): string | null {
  const openssl = /SSL routines:[^:]*:([^:]+):/.exec(message)?.[1]?.trim();
  const isTls =
    code.startsWith("ERR_SSL") ||
    code.startsWith("ERR_TLS") ||
    openssl !== undefined ||
    /before secure TLS connection was established/i.test(message);
  if (!isTls) return null;
  const reason = (openssl ?? message).toLowerCase();
  if (reason.includes("wrong version number") || reason.includes("packet length too long")) {
    return "the server did not answer in TLS (is it plain HTTP on this port?)";
  }
  if (reason.includes("unsupported protocol") || reason.includes("protocol version")) {
    return "the server only offers TLS versions this scanner does not accept";
  }
  if (reason.includes("handshake failure") || reason.includes("no shared cipher")) {
    return "the TLS handshake failed (no protocol version or cipher in common)";
  }
  if (/before secure TLS connection was established/i.test(message)) {
    return "the server closed the connection during the TLS handshake";
  }
  return `the TLS handshake failed (${openssl ?? message})`;
}
