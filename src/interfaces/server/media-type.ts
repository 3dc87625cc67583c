import type { FastifyRequest } from "fastify";
import { HttpError } from "./errors.ts";

/** The media type of a request, lower-cased, without parameters. */
export function mediaType(request: FastifyRequest): string {
  return String(request.headers["content-type"] ?? "")
    .split(";")[0]!
    .trim()
    .toLowerCase();
}

/** An onRequest hook: a body of any other type is refused with 415 before it is read. */
export function requireMediaType(type: string, message: string) {
  return async (request: FastifyRequest): Promise<void> => {
    if (mediaType(request) !== type) throw new HttpError(415, "unsupported_media_type", message);
  };
}
