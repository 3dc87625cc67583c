/** The door to the JSON API: its routes, its schemas, and the mapping of a stored request to a scan. */
export { createScan } from "./create-scan.ts";
export { apiRoutes } from "./routes.ts";
export { type ScanPolicy, scanRequestFor } from "./scan-request.ts";
export { scanLinks } from "./scan-resource.ts";
export { type SinceLastScan, sinceLastScan } from "./since-last-scan.ts";
export { REPORT_SCHEMA_ID, SHARED_SCHEMAS, ScanUrl } from "./schemas.ts";
export { validationError } from "./validation-error.ts";
