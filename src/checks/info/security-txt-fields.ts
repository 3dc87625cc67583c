/**
 * The fields of a security.txt (RFC 9116 section 2.5): `Name: value` lines, comments after `#`, other
 * lines ignored. A file signed as an OpenPGP cleartext message is read between its armour headers and
 * its signature, with the signature's dash-escaping undone; the signature itself is not verified.
 */
export interface SecurityTxt {
  /** Field values by lower-cased name, in file order. */
  fields: ReadonlyMap<string, readonly string[]>;
}

/** A field name as the RFC's ABNF allows it (a token of letters, digits and a few marks). */
const FIELD = /^([A-Za-z0-9!#$%&'*+.^_`|~-]+):[ \t]*(.*?)[ \t]*$/;
const SIGNED_START = "-----BEGIN PGP SIGNED MESSAGE-----";
const SIGNATURE_START = "-----BEGIN PGP SIGNATURE-----";
/** A security.txt is a few lines; past this many the rest is not read. */
const MAX_LINES = 1000;

export function parseSecurityTxt(text: string): SecurityTxt {
  const fields = new Map<string, string[]>();
  for (const line of signedContent(text.replace(/^\uFEFF/, "")).split(/\r?\n/, MAX_LINES)) {
    const match = FIELD.exec(line);
    if (!match) continue;
    const name = match[1]!.toLowerCase();
    fields.set(name, [...(fields.get(name) ?? []), match[2]!]);
  }
  return { fields };
}

/** The text between a cleartext signature's armour headers and the signature, or the text as it is. */
function signedContent(text: string): string {
  const start = text.indexOf(SIGNED_START);
  if (start < 0) return text;
  const afterHeaders = text.slice(start).search(/\r?\n\r?\n/);
  if (afterHeaders < 0) return "";
  const body = text.slice(start + afterHeaders);
  const end = body.indexOf(SIGNATURE_START);
  return (end < 0 ? body : body.slice(0, end)).replace(/^- /gm, "");
}

/** RFC 9116 section 2.5.5: an Internet date/time of RFC 3339 (`2027-01-31T23:59:59Z`, or with an offset). */
const RFC3339 = /^\d{4}-\d{2}-\d{2}[Tt]\d{2}:\d{2}:\d{2}(\.\d+)?([Zz]|[+-]\d{2}:\d{2})$/;

/** Milliseconds since the epoch, or null when the value is not an RFC 3339 date/time. */
export function parseExpires(value: string): number | null {
  if (!RFC3339.test(value)) return null;
  const time = Date.parse(value);
  return Number.isNaN(time) ? null : time;
}
