import type { ProgressEvent } from "../engine/index.ts";
import type { LiveEvent, ProgressSnapshot } from "./live-scans.ts";

/**
 * Turns the engine's progress events into the live events people watch: one progress snapshot kept up
 * to date (so a late subscriber gets the whole picture in one event) and one event per finding. Shared by
 * the in-process queue and the workers of the scaled mode.
 */
export function liveProgress(
  budget: number,
  publish: (event: LiveEvent) => void,
): (event: ProgressEvent) => void {
  const progress: ProgressSnapshot = {
    type: "progress",
    probe: null,
    title: null,
    sent: 0,
    budget,
    message: null,
    started: [],
    finished: [],
  };
  return (event) => {
    switch (event.type) {
      case "probe-start":
        progress.probe = event.probe;
        progress.title = event.title;
        progress.message = null;
        progress.started = [...progress.started, event.probe];
        break;
      case "probe-end":
        progress.finished = [...progress.finished, event.probe];
        break;
      case "request":
        progress.sent = event.sent;
        progress.budget = event.budget;
        break;
      case "message":
        progress.message = event.message.slice(0, 200);
        break;
      case "judging":
        progress.probe = "judging";
        progress.title = `Judging with ${event.checks} checks`;
        progress.message = null;
        break;
      case "finding":
        publish({
          type: "finding",
          id: event.finding.id,
          title: event.finding.title,
          severity: event.finding.severity,
          url: event.finding.url,
        });
        return;
    }
    publish({ ...progress });
  };
}
