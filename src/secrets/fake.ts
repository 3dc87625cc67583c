/**
 * Deterministic fake credentials for rule samples, tests and the benchmark. They are built at run time
 * from a seed rather than written out in the source, so the repository holds no string that a secret
 * scanner (ours, GitHub push protection, gitleaks) would take for a real key.
 */
export const BASE62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
export const BASE64URL = `${BASE62}-_`;
export const BASE64 = `${BASE62}+/`;
export const HEX = "0123456789abcdef";
export const UPPER_DIGITS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

/** A small seeded generator (mulberry32): the same seed always gives the same characters. */
function generator(seed: string): () => number {
  let state = 2166136261;
  for (let i = 0; i < seed.length; i++) state = Math.imul(state ^ seed.charCodeAt(i), 16777619);
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** `length` characters from `alphabet`, determined by `seed`; always mixes the alphabet's classes. */
export function fakeChars(seed: string, length: number, alphabet = BASE62): string {
  const next = generator(seed);
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(next() * alphabet.length)];
  return out;
}

/** Joins parts with no separator: lets a sample's prefix be written split ("sk" + "_live_"). */
export function join(...parts: string[]): string {
  return parts.join("");
}

function base64url(text: string): string {
  return Buffer.from(text, "utf8").toString("base64url");
}

/** A JWT-shaped token with the given payload and a fake signature (never a valid one). */
export function fakeJwt(payload: Record<string, unknown>, seed = "jwt"): string {
  return [
    base64url(JSON.stringify({ alg: "HS256", typ: "JWT" })),
    base64url(JSON.stringify(payload)),
    fakeChars(seed, 43, BASE64URL),
  ].join(".");
}

/** A PEM block of the given label with a fake base64 body of `bytes` bytes, lines of 64, joined by `eol`. */
export function fakePem(label: string, bytes: number, seed = "pem", eol = "\n"): string {
  const body = fakeChars(seed, Math.ceil((bytes * 4) / 3), BASE64);
  const lines = body.match(/.{1,64}/g) ?? [];
  return [`-----BEGIN ${label}-----`, ...lines, `-----END ${label}-----`].join(eol);
}
