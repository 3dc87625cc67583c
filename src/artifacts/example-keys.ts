/**
 * Keys that documentation, tutorials and starter templates print: copying one into a bundle is not a
 * configuration of anything, so it is neither reported nor used to probe a backend.
 */
const DOCUMENTED_KEYS: readonly string[] = [
  // Stripe's public documentation keys.
  "pk_test_TYooMQauvdEDq54NiTphI7jx",
  "pk_test_6pRNASCoBOKtIshFeQd4XMUh",
];

/** Prefixes of documented keys that circulate with small variations (Firebase's "Example value"). */
const DOCUMENTED_PREFIXES: readonly string[] = ["AIzaSyDOCAbC123dEf456GhI789jKl01"];

/** Words and runs that only placeholders contain; random key material does not spell them. */
const PLACEHOLDER = /your|example|placeholder|dummy|sample|replace|changeme|x{6}|0{8}|123456|abcdef|AbC123/i;

export function isExampleKey(key: string): boolean {
  if (DOCUMENTED_KEYS.includes(key)) return true;
  if (DOCUMENTED_PREFIXES.some((prefix) => key.startsWith(prefix))) return true;
  return PLACEHOLDER.test(key);
}

/** Firebase emulator projects are named demo-*, by Firebase's own convention; placeholders spell it out. */
export function isExampleProjectId(projectId: string): boolean {
  return projectId.startsWith("demo-") || /your|example|placeholder|my-project|project-id/i.test(projectId);
}
