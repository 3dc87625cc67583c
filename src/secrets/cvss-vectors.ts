/**
 * CVSS 3.1 vectors for leaked credentials, shared by rules (per-instance overrides) and secret checks
 * (defaults). A key anyone can download needs no privileges and no user action: AV:N/AC:L/PR:N/UI:N.
 */
/** Full control of an account (payments, repositories, cloud): read and change everything. 9.1 */
export const CVSS_ACCOUNT_TAKEOVER = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N";
/** Whole database or backend with every policy bypassed, deletion included. 9.8 */
export const CVSS_DATABASE_TAKEOVER = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H";
/** Paid API keys: spend the owner's money, exhaust quotas, read stored files and prompts. 8.6 */
export const CVSS_PAID_API_ABUSE = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:H";
/** Sending mail as the domain (phishing that passes SPF/DKIM), reading contact lists. 8.2 */
export const CVSS_SEND_AS_YOU = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:H/A:N";
/** Posting into a channel (a webhook): spam and convincing phishing inside the workspace. 5.3 */
export const CVSS_POST_ONLY = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:N/I:L/A:N";
/** Half of a credential (an OAuth client secret, a key id): useful with more, harmful alone only a little. 6.5 */
export const CVSS_PARTIAL_CREDENTIAL = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:L/I:L/A:N";
/** A value that looks like a credential by its name and randomness, whose power is unknown. 6.5 */
export const CVSS_UNKNOWN_CREDENTIAL = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:L/A:N";
/** A test-mode or identifier-only key: no real data or money behind it. 3.7 */
export const CVSS_TEST_KEY = "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N";
