export { ScanQueue, type ScanQueueOptions, type ScanRunner } from "./scan-queue.ts";
export type { ScanLine } from "./scan-line.ts";
export {
  LiveScans,
  type FindingSnapshot,
  type LiveEvent,
  type LiveScan,
  type ProgressSnapshot,
} from "./live-scans.ts";
export { ScanThreads, type ThreadPolicy } from "./scan-thread.ts";
export { RedisScanLine, type RedisScanLineOptions } from "./redis-scan-line.ts";
export { ScanWorker, type ScanWorkerOptions } from "./scan-worker.ts";
export {
  checkRedisUrl,
  DEFAULT_QUEUE_PREFIX,
  QueueError,
  redactRedisUrl,
  type RedisQueueSettings,
} from "./redis-connection.ts";
