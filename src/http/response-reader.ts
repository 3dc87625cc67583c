import { errors as undiciErrors, type Dispatcher } from "undici";
import { type HeaderList, type RecordedResponse, headerValue } from "../core/index.ts";
import type { BodyPool } from "./body-pool.ts";
import { decodeBody } from "./decode-body.ts";
import type { HeaderPair } from "./outgoing-request.ts";

/**
 * Most header lines kept from one response. The byte cap (maxHeaderBytes) already bounds the block, but
 * 64 KiB of "a:1" lines is 10,000 headers, and every check that reads headers walks them all; real
 * responses carry a few dozen. Later lines are dropped (and the scan says so).
 */
export const MAX_HEADER_LINES = 500;

/** How many body bytes one response may keep: its own cap, the pools it draws from, and a floor. */
export interface BodyAllowance {
  /** Decoded body cap for this response. */
  cap: number;
  /** What the body may keep even when the pools are spent. */
  floor: number;
  /** The scan-wide pool, and a probe's own when it gave one; every kept byte is taken from each. */
  pools: readonly BodyPool[];
}

export interface ReadResponse {
  /** The response as recorded, without TLS details (the caller adds them). */
  response: RecordedResponse;
  /** Header lines past MAX_HEADER_LINES that were dropped. */
  headersDropped: number;
}

/**
 * Reads a response within its memory bounds: the body is cut at the allowance as it arrives (keeping what
 * came, and saying why it stopped), decoded under the same allowance (compression bombs stop at the cap),
 * and the header lines are capped. Failures while reading the body cut it; they are not errors.
 */
export async function readResponse(
  response: Dispatcher.ResponseData,
  allowance: BodyAllowance,
  /** Whether the request's time ran out (deadline or whole-request timeout) when the body stopped. */
  outOfTime: () => boolean,
  /** performance.now() when the request was sent. */
  started: number,
): Promise<ReadResponse> {
  // How many body bytes this response may keep, given what it already holds and what the pools have left.
  const room = (kept: number) =>
    Math.min(
      allowance.cap,
      Math.max(allowance.floor, kept + Math.min(...allowance.pools.map((pool) => pool.remaining))),
    );
  const take = (bytes: number) => allowance.pools.forEach((pool) => pool.take(bytes));

  const raw: Buffer[] = [];
  let wireBytes = 0;
  let truncated: RecordedResponse["truncated"];
  try {
    // The raw cap is the decoded cap: compressed bodies rarely exceed it, and bombs are cut on decode.
    for await (const chunk of response.body as AsyncIterable<Buffer>) {
      const left = room(wireBytes) - wireBytes;
      if (chunk.length > left) {
        raw.push(chunk.subarray(0, left));
        take(left);
        wireBytes += left;
        truncated = "size";
        break;
      }
      raw.push(chunk);
      take(chunk.length);
      wireBytes += chunk.length;
    }
  } catch (error) {
    truncated = outOfTime() || error instanceof undiciErrors.BodyTimeoutError ? "time" : "aborted";
  } finally {
    // Cutting a body closes its connection (it cannot be reused mid-body). A body read to its end is
    // left alone: destroying it too would race undici's completion and cost the kept-alive connection.
    if (truncated) response.body.destroy();
  }
  const { list: headers, dropped } = flattenHeaders(response.headers);
  const encoding = headerValue(headers, "content-encoding") ?? "";
  const decoded = await decodeBody(Buffer.concat(raw, wireBytes), encoding, room(wireBytes));
  if (decoded.body.length > wireBytes) take(decoded.body.length - wireBytes);
  if (decoded.truncated && !truncated) truncated = "decode-size";
  return {
    response: {
      status: response.statusCode,
      statusText: response.statusText ?? "",
      headers,
      body: decoded.body,
      wireBytes,
      httpVersion: "1.1",
      elapsedMs: Math.round(performance.now() - started),
      ...(truncated ? { truncated } : {}),
    },
    headersDropped: dropped,
  };
}

function flattenHeaders(headers: Record<string, string | string[] | undefined>): {
  list: HeaderList;
  dropped: number;
} {
  const list: HeaderPair[] = [];
  let dropped = 0;
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (list.length < MAX_HEADER_LINES) list.push([name.toLowerCase(), item]);
      else dropped++;
    }
  }
  return { list, dropped };
}
