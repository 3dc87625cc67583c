export interface BucketSettings {
  /** Most requests in a burst. */
  capacity: number;
  /** Tokens added back per second. */
  refillPerSecond: number;
}

/** Buckets kept at most; when full, buckets that have refilled completely are forgotten first. */
const MAX_BUCKETS = 10_000;

/**
 * A token bucket per client: each request takes a token; tokens come back at a steady rate. A client
 * that runs dry is told how long to wait (Retry-After), instead of being queued without end.
 */
export class RateLimiter {
  private readonly settings: BucketSettings;
  private readonly buckets = new Map<string, { tokens: number; at: number }>();
  private readonly now: () => number;

  constructor(settings: BucketSettings, now: () => number = () => performance.now()) {
    this.settings = settings;
    this.now = now;
  }

  /** Takes one token; returns 0 when allowed, otherwise the seconds until a token is back. */
  take(key: string): number {
    const now = this.now();
    const bucket = this.buckets.get(key);
    const tokens = bucket ? this.refilled(bucket, now) : this.settings.capacity;
    if (tokens >= 1) {
      this.buckets.delete(key);
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      if (this.buckets.size > MAX_BUCKETS) this.prune(now);
      return 0;
    }
    this.buckets.set(key, { tokens, at: now });
    return Math.max(1, Math.ceil((1 - tokens) / this.settings.refillPerSecond));
  }

  private refilled(bucket: { tokens: number; at: number }, now: number): number {
    const elapsed = Math.max(0, now - bucket.at) / 1000;
    return Math.min(this.settings.capacity, bucket.tokens + elapsed * this.settings.refillPerSecond);
  }

  private prune(now: number): void {
    for (const [key, bucket] of this.buckets) {
      if (this.buckets.size <= MAX_BUCKETS) return;
      if (this.refilled(bucket, now) >= this.settings.capacity) this.buckets.delete(key);
    }
    // Everyone is mid-burst: drop the least recently seen (Map keeps insertion order).
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= MAX_BUCKETS) return;
      this.buckets.delete(key);
    }
  }
}
