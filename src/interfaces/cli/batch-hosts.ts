/**
 * The sites waiting to be scanned, handed out so that two sites on the same host never run at once: a
 * single scan already opens as many connections to its host as politeness allows, so a second scan of
 * that host waits for the first instead of doubling the load. Sites on other hosts pass it by.
 */
export class HostPoliteLine<T extends { url: string }> {
  private readonly waiting: T[];
  private readonly busy = new Set<string>();

  constructor(items: Iterable<T>) {
    this.waiting = [...items];
  }

  /** The first waiting site whose host is free, now marked busy; undefined when none can start. */
  take(): T | undefined {
    const index = this.waiting.findIndex((item) => !this.busy.has(hostOf(item.url)));
    if (index < 0) return undefined;
    const [item] = this.waiting.splice(index, 1);
    this.busy.add(hostOf(item!.url));
    return item;
  }

  /** The site's scan ended: its host is free for the next one. */
  release(item: T): void {
    this.busy.delete(hostOf(item.url));
  }

  get waitingCount(): number {
    return this.waiting.length;
  }
}

/** The host a scan is polite to: the name, whatever the port or scheme (one machine behind both). */
export function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase();
}
