/**
 * The door to artifacts/: the typed artifacts checks read (each a pure view of a recording), the label
 * constants and writers probes use so the two agree, and the parsers checks share (CSP, cookies, HSTS).
 */
export { type AdminTool, OPEN_ACCESS_PATHS, type ToolPage, toolPage } from "./admin-tools.ts";
export { BaasConfiguration, baasConfig } from "./baas-config.ts";
export {
  type BaasLabelNames,
  FIREBASE_PROBE,
  type FirebaseProbeKind,
  type FirebaseRequest,
  type FirebaseResponse,
  FirebaseResponses,
  SUPABASE_PROBE,
  type SupabaseProbeKind,
  type SupabaseRequest,
  type SupabaseResponse,
  SupabaseResponses,
  baasLabels,
  needFirebase,
  needSupabase,
} from "./baas-probes.ts";
export {
  type FirestorePage,
  firebaseStorageItems,
  firestoreDocuments,
  postgrestCount,
  type PostgrestSchema,
  postgrestSchema,
  rtdbAnswersNull,
  rtdbKeys,
  signupSettings,
  supabaseBuckets,
  supabaseObjectCount,
} from "./baas-responses.ts";
export {
  BUCKET_LISTING_ROLE,
  type BucketListing,
  type BucketListingRequest,
  type BucketProvider,
  type BucketReference,
  CLOUD_BUCKETS_PROBE,
  CloudBucketListings,
  PROVIDER_NAMES,
  bucketListing,
  bucketReferences,
} from "./cloud-buckets.ts";
export { SiteCertificates, certificateDetails, describeCertificate } from "./certificates.ts";
export { LiveCookies, type ObservedCookie, ObservedCookies, prefixViolation } from "./cookies.ts";
export {
  type CorsObservation,
  CorsObservations,
  dependsOnOrigin,
  isTrustedAndAllowed,
  simpleTwin,
  TRUSTED_VARIANTS,
  isHtml,
  onePerEndpoint,
  onlyOnMissingPath,
  reflectsArbitrary,
  simpleObservation,
} from "./cors-observations.ts";
export {
  type DocumentCsp,
  DocumentCsps,
  ReusedNonces,
  baseUriMissing,
  cspStatus,
  describePolicies,
  evalWeaknesses,
  inlineWeaknesses,
  metaExcerpt,
  objectSrcMissing,
  scriptWeakness,
  wildcardWeaknesses,
} from "./csp.ts";
export { DEBUG_PROBE, DEBUG_ROLE, type DebugKind, DebugResponses } from "./debug-responses.ts";
export {
  GRAPHQL_PROBE,
  GraphqlResponses,
  INTROSPECTION_QUERY,
  INTROSPECTION_ROLE,
  type IntrospectionAnswer,
} from "./graphql-responses.ts";
export {
  jsonRpcMessages,
  jsonRpcResult,
  MCP_CLIENT_INFO,
  MCP_PROBE,
  MCP_PROTOCOL_VERSION,
  type McpExchange,
  McpResponses,
  type McpRole,
  serverSentEvents,
} from "./mcp-responses.ts";
export {
  DOCUMENT_PROBE,
  DOCUMENT_ROLE,
  type HtmlDocument,
  HtmlDocuments,
  REPEAT_ROLE,
  asDocument,
} from "./documents.ts";
export { ERRORS_PROBE, ERROR_TRIGGER_ROLE, type ErrorTrigger, ErrorTriggers } from "./error-triggers.ts";
export {
  CANDIDATE_ROLE,
  EXPOSURE_PROBE,
  type ExposureKind,
  ExposureResponses,
} from "./exposure-responses.ts";
export type { FirebaseProject } from "./firebase-config.ts";
export { HSTS_MIN_MAX_AGE, HostHstsPolicies } from "./hsts.ts";
export { readTags } from "./html-tags.ts";
export { httpsExpectedFor, siteHttpUrl, siteHttpsOrigin } from "./https-origin.ts";
export { redactEvidence, redactKey, redactTokens } from "./key-redaction.ts";
export { PUBLIC_KEY_LABELS, type PublicKey } from "./public-keys.ts";
export {
  BUNDLE_ROLE,
  DISCOVERY_PROBE,
  DiscoveryResults,
  PAGE_ROLE,
  ScanExchanges,
} from "./scan-exchanges.ts";
export { type SecretSighting, SecretSightings } from "./secret-matches.ts";
export { BASELINE_ROLE, SoftNotFoundBaselines } from "./soft-404.ts";
export {
  FILES_PROBE,
  WELL_KNOWN_FILES,
  WELL_KNOWN_PATHS,
  WELL_KNOWN_ROLE,
  type WellKnownFile,
  WellKnownFiles,
} from "./well-known-files.ts";
export { SOURCE_MAPS_PROBE, SOURCE_MAP_ROLE, type SourceMap, SourceMaps } from "./source-maps.ts";
export { DetectedStack, STACK_WINDOW, stackChoiceSettled } from "./stack.ts";
export type { SupabaseProject } from "./supabase-config.ts";
export {
  CIPHERS_PROBE,
  TlsCipherHandshakes,
  WEAK_CIPHER_OFFERS,
  WEAK_CIPHER_ROLE,
  type WeakCipherOffer,
} from "./tls-cipher-handshakes.ts";
export { LEGACY_ROLE, LEGACY_VERSIONS, TlsHandshakes, VERSIONS_PROBE } from "./tls-handshakes.ts";
export { HTTPS_ROLE, HTTP_ROLE, TRANSPORT_PROBE, TransportObservations } from "./transport-facts.ts";
export {
  type AdvisorySeverity,
  type LibraryAdvisory,
  type LibraryAssessment,
  assessLibrary,
} from "./library-advisories.ts";
export { type EndOfLifeLine, endOfLifeLine } from "./library-end-of-life.ts";
export { type LibrarySighting, type ServedLibrary, ServedLibraries } from "./served-libraries.ts";
export {
  DNS_PROBE,
  DNS_ROLE,
  DnsRecords,
  type DnsRequest,
  HOST_LABEL,
  isDefinite,
  type CaaRecords,
  type MailRecords,
  type TakeoverCandidate,
  type ZoneTransfer,
} from "./dns-records.ts";
export { parseDmarc } from "./dmarc.ts";
export { costsLookup, isSpfRecord, spfAll, spfReferences, spfTerms, type SpfTerm } from "./spf.ts";
export {
  TAKEOVER_SERVICES,
  showsUnclaimedPage,
  takeoverServiceFor,
  takeoverServicesFrom,
  type TakeoverService,
  type UnclaimedSign,
} from "./takeover-services.ts";
export {
  CMS_ASKS,
  CMS_PROBE,
  CMS_ROLE,
  CMS_TOPICS,
  type CmsAsk,
  CmsResponses,
  type CmsTopic,
} from "./cms-responses.ts";
export {
  CMS_LABELS,
  CMS_NAMES,
  type CmsName,
  cmsPage,
  type CmsPage,
  DRUPAL_7_SCRIPT,
  type VersionSighting,
} from "./cms-page.ts";
