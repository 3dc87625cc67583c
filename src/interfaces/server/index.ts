/** The door to the server: the app, and what routes share (errors, media types, services). */
export { createApp } from "./app.ts";
export type { AppServices, Server } from "./context.ts";
export { HttpError } from "./errors.ts";
export { requireMediaType } from "./media-type.ts";
export { checkDatabase, checkQueue, ConfigError, DEFAULT_CONFIG, loadConfig } from "./config.ts";
export { openApp } from "./open-app.ts";
