import { QueueError, RedisScanLine } from "../../queue/index.ts";
import { openStore, StoreError, type ScanStore } from "../../store/index.ts";
import { type App, type AppOptions, createApp } from "./app.ts";
import { ConfigError, DEFAULT_CONFIG, type ServerConfig } from "./config.ts";

/**
 * The app as `npm start` runs it: opens the store the configuration names (SQLite, or PostgreSQL with its
 * migrations) and, with a queue URL, the BullMQ line on Redis instead of the in-process queue. A database
 * or Redis that cannot be reached is a ConfigError in one sentence, before anything listens.
 */
export async function openApp(options: AppOptions & { config: ServerConfig }): Promise<App> {
  const config = { ...DEFAULT_CONFIG, ...options.config };
  let store: ScanStore | undefined;
  try {
    store = await openStore(config.databasePath, { connectTimeoutMs: 5_000 });
    if (!config.queueUrl) return createApp({ ...options, config, store, ownsStore: true });
    const line = await RedisScanLine.open({
      url: config.queueUrl,
      prefix: config.queuePrefix,
      connectTimeoutMs: 5_000,
      store,
      maxWaiting: config.maxWaiting,
      maxWaitingPerClient: config.maxWaitingPerClient,
    });
    return createApp({ ...options, config, store, ownsStore: true, line });
  } catch (error) {
    await store?.close().catch(() => undefined);
    if (error instanceof StoreError || error instanceof QueueError) throw new ConfigError(error.message);
    throw error;
  }
}
