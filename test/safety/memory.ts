/**
 * Samples the process's memory while some work runs (a timer every 20 ms, unref'd), and reports the
 * largest growth over the starting point: the peak, not the end, is what a hostile target pushes up.
 */
export async function peakGrowth<T>(
  work: () => Promise<T>,
): Promise<{ result: T; rssMiB: number; buffersMiB: number }> {
  globalThis.gc?.();
  const start = process.memoryUsage();
  let rss = 0;
  let buffers = 0;
  let ticks = 0;
  // process.memoryUsage() walks the heap and costs a millisecond or more; rss() alone is cheap.
  const sample = () => {
    rss = Math.max(rss, process.memoryUsage.rss() - start.rss);
    if (ticks++ % 10 === 0)
      buffers = Math.max(buffers, process.memoryUsage().arrayBuffers - start.arrayBuffers);
  };
  const timer = setInterval(sample, 20);
  timer.unref();
  try {
    const result = await work();
    ticks = 0;
    sample();
    return { result, rssMiB: rss / 1048576, buffersMiB: buffers / 1048576 };
  } finally {
    clearInterval(timer);
  }
}

/** Wall time of some work, in milliseconds. */
export async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}
