import type { CheckInput, Exchange } from "../../core/index.ts";
import { ExposureResponses, type ExposureKind, SoftNotFoundBaselines } from "../../artifacts/index.ts";

/**
 * The exposure probe's answers for one kind of path that are really that kind of file: a 2xx answer with
 * the content signature, on a host whose baselines do not share the signature and which does not answer
 * everything the same way (soft-404). A 200 alone is never enough.
 */
export function exposedFiles(
  artifacts: CheckInput,
  kind: ExposureKind,
  signature: (exchange: Exchange) => boolean,
): Exchange[] {
  const calibration = artifacts.read(SoftNotFoundBaselines);
  return artifacts
    .read(ExposureResponses)
    .candidates.filter((candidate) => candidate.kind === kind)
    .map((candidate) => candidate.exchange)
    .filter((exchange) => isSuccess(exchange) && calibration.confirmed(exchange, signature));
}

/** 200, or 206 for a Range request: the file was served. */
export function isSuccess(exchange: Exchange): boolean {
  const status = exchange.response?.status ?? 0;
  return status >= 200 && status < 300;
}

export function originOf(exchange: Exchange): string {
  return new URL(exchange.request.url).origin;
}

export function pathOf(exchange: Exchange): string {
  return new URL(exchange.request.url).pathname;
}
