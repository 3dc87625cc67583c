import type { FastifyError } from "fastify";
import { validationError } from "../api/index.ts";

/** An error a client caused, with the status and the machine-readable code it is answered with. */
export class HttpError extends Error {
  /** Fastify's name for the status, so an HttpError thrown anywhere is answered with it. */
  readonly statusCode: number;
  readonly code: string;
  readonly headers: Record<string, string>;
  constructor(status: number, code: string, message: string, headers: Record<string, string> = {}) {
    super(message);
    this.statusCode = status;
    this.code = code;
    this.headers = headers;
  }
  get status(): number {
    return this.statusCode;
  }
}

/**
 * Whatever went wrong, as the one error the client is told about: ours as they are, schema failures
 * with the API's codes, Fastify's own (body parsing, limits) with ours; anything else is our fault
 * and is logged.
 */
export function toHttpError(error: unknown, bodyLimitBytes: number): { error: HttpError; internal: boolean } {
  if (error instanceof HttpError) return { error, internal: false };
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.validation)
    return {
      error: validationError(fastifyError.validationContext ?? "body", fastifyError.validation),
      internal: false,
    };
  const known = knownFastifyError(fastifyError.code, bodyLimitBytes);
  if (known) return { error: known, internal: false };
  const status = fastifyError.statusCode ?? 500;
  if (status >= 400 && status < 500)
    return { error: new HttpError(status, "bad_request", "The request is malformed."), internal: false };
  return {
    error: new HttpError(500, "internal_error", "Something went wrong on our side; it has been logged."),
    internal: true,
  };
}

function knownFastifyError(code: string | undefined, bodyLimitBytes: number): HttpError | undefined {
  switch (code) {
    case "FST_ERR_CTP_BODY_TOO_LARGE":
      return new HttpError(
        413,
        "body_too_large",
        `The request body is larger than ${bodyLimitBytes} bytes.`,
        {
          connection: "close",
        },
      );
    case "FST_ERR_CTP_INVALID_MEDIA_TYPE":
      return new HttpError(415, "unsupported_media_type", "This address does not accept that kind of body.");
    case "FST_ERR_CTP_EMPTY_JSON_BODY":
    case "FST_ERR_CTP_INVALID_JSON_BODY":
      return new HttpError(400, "invalid_json", "The body is not valid JSON.");
    case "FST_ERR_BAD_URL":
    case "FST_ERR_MAX_PARAM_LENGTH":
      return new HttpError(404, "not_found", "Nothing is here.");
    default:
      return undefined;
  }
}
