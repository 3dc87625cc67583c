/**
 * A store for @fastify/rate-limit that keeps a token bucket per client instead of fixed windows: a burst
 * of `max`, then tokens come back steadily (`max` per `timeWindow`). With fixed windows a client could
 * spend a whole allowance at the end of one window and another at the start of the next, twice the
 * burst the operator set; a bucket never gives more than `max` at once.
 */
interface Bucket {
  tokens: number;
  at: number;
}

type Callback = (error: Error | null, result: { current: number; ttl: number }) => void;

/** Buckets kept per limiter; the least recently seen go first (a Map keeps insertion order). */
const DEFAULT_CACHE = 10_000;

export class TokenBucketStore {
  private readonly buckets = new Map<string, Bucket>();
  private readonly cache: number;
  private readonly now: () => number;

  constructor(options: object = {}, now: () => number = Date.now) {
    this.cache = "cache" in options && typeof options.cache === "number" ? options.cache : DEFAULT_CACHE;
    this.now = now;
  }

  /** Takes a token. `current` is what the plugin compares with `max`: over it means refused. */
  incr(key: string, callback: Callback, timeWindow: number, max: number): void {
    const now = this.now();
    const tokens = this.refilled(key, now, timeWindow, max);
    this.buckets.delete(key);
    if (tokens >= 1) {
      this.buckets.set(key, { tokens: tokens - 1, at: now });
      this.prune();
      callback(null, {
        current: max - Math.floor(tokens - 1),
        ttl: this.untilFull(tokens - 1, timeWindow, max),
      });
      return;
    }
    this.buckets.set(key, { tokens, at: now });
    callback(null, { current: max + 1, ttl: Math.ceil(((1 - tokens) * timeWindow) / max) });
  }

  /** The state without taking a token (`{ increment: false }`). */
  read(key: string, callback: Callback, timeWindow: number, max: number): void {
    const tokens = this.refilled(key, this.now(), timeWindow, max);
    callback(null, {
      current: max - Math.floor(tokens),
      ttl: tokens >= 1 ? 0 : Math.ceil(((1 - tokens) * timeWindow) / max),
    });
  }

  /** Each route limiter (and each createRateLimit) keeps its own buckets, as the plugin's own store does. */
  child(options: object): TokenBucketStore {
    const cache = "cache" in options && typeof options.cache === "number" ? options.cache : this.cache;
    return new TokenBucketStore({ cache }, this.now);
  }

  private refilled(key: string, now: number, timeWindow: number, max: number): number {
    const bucket = this.buckets.get(key);
    if (!bucket) return max;
    return Math.min(max, bucket.tokens + (Math.max(0, now - bucket.at) * max) / timeWindow);
  }

  private untilFull(tokens: number, timeWindow: number, max: number): number {
    return Math.ceil(((max - tokens) * timeWindow) / max);
  }

  private prune(): void {
    for (const key of this.buckets.keys()) {
      if (this.buckets.size <= this.cache) return;
      this.buckets.delete(key);
    }
  }
}
