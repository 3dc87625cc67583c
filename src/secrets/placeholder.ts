/**
 * Values that are shaped like a key but are not one: documentation examples, template variables,
 * "your-key-here", masked values, runs of one character. Reporting these would teach users to ignore us.
 */
const DOCUMENTED_EXAMPLES = [
  // AWS documentation's example key pair.
  "AKIAIOSFODNN7EXAMPLE",
  "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY",
  // Stripe's documentation test keys (written split so no scanner mistakes this file for a leak).
  ["sk_test_", "4eC39HqLyjWDarjtT1zdp7dc"].join(""),
  ["sk_test_", "BQokikJOvBiI2HlWgH4olfQ2"].join(""),
];

const PLACEHOLDER_WORDS =
  /example|your[_-]?(?:own[_-]?)?(?:api[_-]?)?(?:key|token|secret|password)|placeholder|changeme|change[_-]me|replace[_-]?me|insert[_-]|dummy|redacted|xxxx|\*\*\*|\.\.\.|<[^>]*>|\$\{|\{\{|%s|process\.env|import\.meta/i;

/** True when the value is a template, an example, or too regular to be a random credential. */
export function isPlaceholder(value: string): boolean {
  if (DOCUMENTED_EXAMPLES.some((example) => value.includes(example))) return true;
  if (PLACEHOLDER_WORDS.test(value)) return true;
  // A run of six identical characters ("000000", "aaaaaa") almost never occurs in a random token.
  if (/(.)\1{5,}/.test(value)) return true;
  if (/0123456789|123456789|abcdefghij|ABCDEFGHIJ/.test(value)) return true;
  return false;
}
