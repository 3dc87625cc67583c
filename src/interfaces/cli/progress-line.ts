import type { ProgressEvent } from "../../engine/index.ts";
import { terminalSafe } from "../../reporters/index.ts";

/** A single self-rewriting status line on stderr (only when stderr is a terminal). */
export function progressLine(stream: NodeJS.WriteStream): {
  onProgress: (event: ProgressEvent) => void;
  clear: () => void;
} {
  if (!stream.isTTY) return { onProgress: () => undefined, clear: () => undefined };
  let stage = "Starting";
  let requests = "";
  let last = 0;
  const draw = (force = false) => {
    const now = Date.now();
    if (!force && now - last < 50) return;
    last = now;
    const width = Math.max(20, (stream.columns || 80) - 1);
    stream.write(`\r\x1b[2K${terminalSafe(`${stage}${requests}`).slice(0, width)}`);
  };
  return {
    onProgress(event) {
      if (event.type === "probe-start") stage = event.title;
      else if (event.type === "message") stage = event.message;
      else if (event.type === "judging") stage = `Judging with ${event.checks} checks`;
      else if (event.type === "request") requests = ` · ${event.sent}/${event.budget} requests`;
      draw(event.type !== "request");
    },
    clear() {
      stream.write("\r\x1b[2K");
    },
  };
}
