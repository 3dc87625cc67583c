/**
 * The names the info probes record their exchanges under (written by probes/info, read by checks/info),
 * in one place so the two sides cannot drift.
 */

/** Harmless GETs that provoke the site's error handling. */
export const ERRORS_PROBE = "info-errors";
export const ERROR_TRIGGER_ROLE = "error-trigger";

/** One GET per well-known debug or status endpoint; `labels.kind` says which. */
export const DEBUG_PROBE = "info-debug";
export const DEBUG_ROLE = "debug-endpoint";

export type DebugKind = "phpinfo" | "server-status" | "actuator" | "actuator-env" | "ignition";
