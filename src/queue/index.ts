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
