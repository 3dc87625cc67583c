/**
 * Reports never carry a full secret: the provider's public prefix (sk_live_, ghp_, ...), an ellipsis and
 * at most the last four characters, fewer when the secret is short, so a redacted form never gives away
 * more than a small tail of the random part.
 */
export function redactSecret(secret: string, visiblePrefix = ""): string {
  const prefix = secret.startsWith(visiblePrefix) ? visiblePrefix : "";
  const rest = secret.length - prefix.length;
  const tail = rest >= 24 ? 4 : rest >= 16 ? 2 : 0;
  return `${prefix}…${tail > 0 ? secret.slice(-tail) : ""}`;
}

export interface Span {
  start: number;
  end: number;
  replacement: string;
}

/** Replaces each span (offsets in `text`, non-overlapping) with its replacement. */
export function replaceSpans(text: string, spans: readonly Span[]): string {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  let out = "";
  let at = 0;
  for (const span of sorted) {
    if (span.start < at) continue;
    out += text.slice(at, span.start) + span.replacement;
    at = span.end;
  }
  return out + text.slice(at);
}
