export {
  HttpClient,
  DEFAULT_LIMITS,
  USER_AGENT,
  type HttpLimits,
  type HttpClientOptions,
  type SendRequest,
} from "./client.ts";
export { publicOnlyGuard, isPublicUnicast, type AddressGuard } from "./address-policy.ts";
export { parseOverride, OverrideSyntaxError, type ConnectOverride } from "./resolve-override.ts";
