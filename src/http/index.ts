export {
  HttpClient,
  DEFAULT_LIMITS,
  USER_AGENT,
  REDACTED,
  type HttpLimits,
  type HttpClientOptions,
  type SendRequest,
} from "./client.ts";
export { publicOnlyGuard, isPublicUnicast, type AddressGuard } from "./address-policy.ts";
export { parseOverride, OverrideSyntaxError, type ConnectOverride } from "./resolve-override.ts";
export { literalRefusal } from "./address-policy.ts";
export { BodyPool } from "./body-pool.ts";
export { MAX_HEADER_LINES } from "./client.ts";
export { findOverride } from "./resolve-override.ts";
export { DnsClient, type DnsAsk, type DnsClientOptions } from "./dns-client.ts";
export {
  parseDnsServer,
  formatDnsServer,
  DnsServerSyntaxError,
  type DnsServerAddress,
} from "./dns-server-address.ts";
