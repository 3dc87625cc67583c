/**
 * Values that sit under credential-sounding names in real bundles but are made by a build tool or a
 * person, not by a random generator. Each shape was seen as a false positive of the generic rule.
 */

/**
 * CSS Modules class names: `Dashboard_secretCard__Q2x9z` (Next.js), `secret-module__wrapper--3Xa9k`
 * (css-loader), `_secretCard_1a2b3_12` (Vite). Words without digits, then a short hash.
 */
const CSS_MODULE_CLASS =
  /^(?:[A-Za-z][A-Za-z_-]*[A-Za-z](?:__|--)[A-Za-z0-9_-]{5,8}|_[A-Za-z][\w-]*_[a-z0-9]{5}_\d{1,5})$/;

/** Dotted key paths of i18n tables and configs: `login.form.password2Field`. */
const KEY_PATH = /^(?:[a-z][A-Za-z0-9_-]{0,31}\.){2,}[A-Za-z][A-Za-z0-9_-]{0,31}$/;

/** A capitalised word of three letters or more (`Key`), or a lower-case one: the humps of a camelCase name. */
const WORD = /[A-Z][a-z]{2,}|[a-z]{3,}/g;

export function isCssModuleClass(value: string): boolean {
  return CSS_MODULE_CLASS.test(value);
}

export function isKeyPath(value: string): boolean {
  return KEY_PATH.test(value);
}

/**
 * True when most of the value is made of words (`MyPrivateKeyStoreV2Name`): random base62 has short
 * lower-case runs, so words cover a small part of it. Only for machine credentials (keys, tokens):
 * a human password made of words is still a password.
 */
export function isMostlyWords(value: string): boolean {
  let covered = 0;
  for (const word of value.match(WORD) ?? []) covered += word.length;
  return covered / value.length >= 0.7;
}
