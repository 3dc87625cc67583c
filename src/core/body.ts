import type { RecordedResponse } from "./exchange.ts";

const decoded = new WeakMap<Uint8Array, string>();
const decoder = new TextDecoder("utf-8", { fatal: false });

/** The body as text (UTF-8, invalid bytes replaced), decoded once per response. */
export function bodyText(response: RecordedResponse | undefined): string {
  if (!response) return "";
  let text = decoded.get(response.body);
  if (text === undefined) {
    text = decoder.decode(response.body);
    decoded.set(response.body, text);
  }
  return text;
}
