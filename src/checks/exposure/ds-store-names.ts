/** The magic a .DS_Store file starts with: a 4-byte alignment word, then "Bud1". */
const MAGIC = [0x00, 0x00, 0x00, 0x01, 0x42, 0x75, 0x64, 0x31];
const MAX_NAMES = 50;

export function hasDsStoreMagic(body: Uint8Array): boolean {
  return body.length >= MAGIC.length && MAGIC.every((byte, index) => body[index] === byte);
}

/**
 * File names recorded in a .DS_Store. Each record is a big-endian length, the name in UTF-16BE, a
 * four-letter record code and a four-letter type; reading every position where that shape fits is enough
 * to list the names without a full B-tree parser, and cannot be led astray for long by hostile bytes.
 */
export function dsStoreNames(body: Uint8Array): string[] {
  const names: string[] = [];
  for (let at = 0; at + 4 < body.length && names.length < MAX_NAMES; at++) {
    if (body[at] !== 0 || body[at + 1] !== 0 || body[at + 2] !== 0) continue;
    const length = body[at + 3] ?? 0;
    if (length === 0 || length > 255) continue;
    const nameEnd = at + 4 + length * 2;
    if (nameEnd + 8 > body.length) continue;
    const name = utf16be(body, at + 4, length);
    if (!name || !isCode(body, nameEnd)) continue;
    const type = String.fromCharCode(...body.subarray(nameEnd + 4, nameEnd + 8));
    if (!RECORD_TYPES.has(type)) continue;
    if (!names.includes(name)) names.push(name);
    at = nameEnd + 7;
  }
  return names;
}

const RECORD_TYPES = new Set(["long", "shor", "bool", "blob", "type", "ustr", "comp", "dutc"]);

function utf16be(body: Uint8Array, start: number, length: number): string | undefined {
  let name = "";
  for (let i = 0; i < length; i++) {
    const code = ((body[start + i * 2] ?? 0) << 8) | (body[start + i * 2 + 1] ?? 0);
    if (code < 0x20 || code === 0x2f || (code >= 0xd800 && code <= 0xdfff)) return undefined;
    name += String.fromCharCode(code);
  }
  return name;
}

/** Record codes are four letters or digits ("Iloc", "bwsp", "ph1S"). */
function isCode(body: Uint8Array, start: number): boolean {
  for (let i = start; i < start + 4; i++) {
    const byte = body[i] ?? 0;
    const alnum =
      (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5a) || (byte >= 0x61 && byte <= 0x7a);
    if (!alnum) return false;
  }
  return true;
}
