import type { Check } from "../../core/index.ts";
import { adminPanel } from "./admin-panel.ts";
import { apiDocsCheck } from "./api-docs.ts";
import { backupFile } from "./backup-file.ts";
import { cloudBucketListable } from "./cloud-bucket-listable.ts";
import { configFileCheck } from "./config-file.ts";
import { databaseFileCheck } from "./database-file.ts";
import { devServer } from "./dev-server.ts";
import { directoryListingCheck } from "./directory-listing.ts";
import { dsStore } from "./ds-store.ts";
import { envFile } from "./env-file.ts";
import { gitRepository } from "./git-repository.ts";
import { graphqlIntrospection } from "./graphql-introspection.ts";
import { logFile } from "./log-file.ts";
import { mcpServer } from "./mcp-server.ts";
import { sourceMap } from "./source-map.ts";
import { sourceMapSources } from "./source-map-sources.ts";
import { unauthenticatedConsole } from "./unauthenticated-console.ts";

export const exposureChecks: readonly Check[] = [
  adminPanel,
  apiDocsCheck,
  backupFile,
  cloudBucketListable,
  configFileCheck,
  databaseFileCheck,
  devServer,
  directoryListingCheck,
  dsStore,
  envFile,
  gitRepository,
  graphqlIntrospection,
  logFile,
  mcpServer,
  sourceMap,
  sourceMapSources,
  unauthenticatedConsole,
];
