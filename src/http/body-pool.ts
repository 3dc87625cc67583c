/**
 * A shared allowance of body bytes. Every response body a scan keeps stays in memory until the report
 * is built, so per-response caps alone do not bound a scan: a hostile site answering 150 requests with
 * 2 MiB each would hold 300 MiB. The client draws from a scan-wide pool as bytes arrive; a probe may add
 * a pool of its own (discovery's total for bundles).
 */
export class BodyPool {
  private used = 0;
  readonly size: number;

  constructor(size: number) {
    this.size = Math.max(0, size);
  }

  get remaining(): number {
    return this.size - this.used;
  }

  get exhausted(): boolean {
    return this.used >= this.size;
  }

  /** Takes up to `bytes` and returns how many it granted. */
  take(bytes: number): number {
    const granted = Math.max(0, Math.min(bytes, this.remaining));
    this.used += granted;
    return granted;
  }
}
