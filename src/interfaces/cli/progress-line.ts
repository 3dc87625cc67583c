import type { ProgressEvent } from "../../engine/index.ts";
import { terminalSafe } from "../../reporters/index.ts";

/**
 * A single self-rewriting status line on stderr (only when stderr is a terminal). A finding is printed
 * above it as it is confirmed, so a long scan shows what it found while it runs; the report at the end
 * holds them all again, with evidence and fixes.
 */
export function progressLine(stream: NodeJS.WriteStream): {
  onProgress: (event: ProgressEvent) => void;
  clear: () => void;
} {
  if (!stream.isTTY) return { onProgress: () => undefined, clear: () => undefined };
  let stage = "Starting";
  let requests = "";
  let found = 0;
  let last = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - last < 50) return;
    last = now;
    const width = Math.max(20, (stream.columns || 80) - 1);
    const count = found > 0 ? ` · ${found} found` : "";
    stream.write(`\r\x1b[2K${terminalSafe(`${stage}${requests}${count}`).slice(0, width)}`);
  };
  return {
    onProgress(event) {
      if (event.type === "probe-start") stage = event.title;
      else if (event.type === "message") stage = event.message;
      else if (event.type === "judging") stage = `Judging with ${event.checks} checks`;
      else if (event.type === "request") requests = ` · ${event.sent}/${event.budget} requests`;
      else if (event.type === "finding") {
        found++;
        const { severity, title, id } = event.finding;
        stream.write(`\r\x1b[2K${terminalSafe(`${severity.toUpperCase().padEnd(8)} ${title} [${id}]`)}\n`);
      }
      draw(event.type !== "request");
    },
    clear() {
      stream.write("\r\x1b[2K");
    },
  };
}
