import type { Check } from "../../core/index.ts";
import { apiDocsCheck } from "./api-docs.ts";
import { backupFile } from "./backup-file.ts";
import { configFileCheck } from "./config-file.ts";
import { databaseFileCheck } from "./database-file.ts";
import { directoryListingCheck } from "./directory-listing.ts";
import { dsStore } from "./ds-store.ts";
import { envFile } from "./env-file.ts";
import { gitRepository } from "./git-repository.ts";
import { logFile } from "./log-file.ts";
import { sourceMap } from "./source-map.ts";
import { sourceMapSources } from "./source-map-sources.ts";

export const exposureChecks: readonly Check[] = [
  apiDocsCheck,
  backupFile,
  configFileCheck,
  databaseFileCheck,
  directoryListingCheck,
  dsStore,
  envFile,
  gitRepository,
  logFile,
  sourceMap,
  sourceMapSources,
];
