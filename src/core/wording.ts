/** "1 row", "12,345 rows": a count and its word, for one-sentence summaries. */
export function plural(count: number, word: string): string {
  return `${count.toLocaleString("en-US")} ${word}${count === 1 ? "" : "s"}`;
}
