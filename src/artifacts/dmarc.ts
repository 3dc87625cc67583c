/** A DMARC record (RFC 7489 6.3) as tag=value pairs, tags lower-cased; null when the text is not DMARC. */
export function parseDmarc(text: string): Map<string, string> | null {
  const tags = new Map<string, string>();
  for (const part of text.split(";")) {
    const at = part.indexOf("=");
    if (at < 0) continue;
    tags.set(part.slice(0, at).trim().toLowerCase(), part.slice(at + 1).trim());
  }
  // The record must begin with v=DMARC1 (RFC 7489 6.4); anything else at _dmarc is not a policy.
  return /^\s*v\s*=\s*DMARC1\s*(;|$)/i.test(text) ? tags : null;
}
