import { type Exchange, bodyText } from "../core/index.ts";

/**
 * The inline map's JSON text (`//# sourceMappingURL=data:application/json;base64,...` at the end of a
 * bundle), or undefined. Pure parsing of a recorded bundle: no request is needed to read it.
 */
export function inlineSourceMap(bundle: Exchange): string | undefined {
  if (!bundle.response) return undefined;
  const text = bodyText(bundle.response);
  const start = text.lastIndexOf("sourceMappingURL=data:");
  if (start === -1) return undefined;
  const data = /^sourceMappingURL=data:([^,;\s]*)((?:;[^,;\s]*)*),([^\s'"*]*)/.exec(text.slice(start));
  if (!data) return undefined;
  const [, , parameters = "", payload = ""] = data;
  try {
    return parameters.includes(";base64")
      ? Buffer.from(payload, "base64").toString("utf8")
      : decodeURIComponent(payload);
  } catch {
    return undefined;
  }
}
