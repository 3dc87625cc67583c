/**
 * The only script on our pages: it follows a running scan over server-sent events, lists each finding as
 * the scan confirms it, and reloads the page when the report is ready (the report then replaces the
 * list). It writes with textContent only, so nothing from a target can become markup.
 * Without JavaScript the page refreshes itself instead (<noscript><meta http-equiv="refresh">).
 */
export const LIVE_SCRIPT = `(() => {
  const root = document.getElementById("live");
  if (!root || !("EventSource" in window)) return;
  const part = (name) => root.querySelector('[data-live="' + name + '"]');
  const status = part("status"), bar = part("bar"), now = part("title"), sent = part("sent"), count = part("count"), list = part("findings");
  const message = part("message");
  const source = new EventSource(root.dataset.events);
  const data = (event) => JSON.parse(event.data);
  source.addEventListener("status", (event) => {
    const d = data(event);
    status.textContent = d.status === "running" ? "Scanning…" : d.position ? "Waiting in line: number " + d.position : "Waiting to start…";
  });
  source.addEventListener("progress", (event) => {
    const d = data(event);
    status.textContent = "Scanning…";
    now.textContent = d.title || "Starting";
    message.textContent = d.message || "";
    sent.textContent = d.sent + " of " + d.budget;
    bar.max = d.budget;
    bar.value = d.sent;
    for (const step of root.querySelectorAll("[data-probe]")) {
      const name = step.dataset.probe;
      step.dataset.state = d.probe === "judging"
        ? (name === "judging" ? "running" : "done")
        : d.finished.includes(name) ? "done" : d.started.includes(name) ? "running" : "waiting";
    }
  });
  source.addEventListener("finding", (event) => {
    const d = data(event);
    // A finding is shown once: the page may already list it (rendered, or replayed on reconnect).
    const key = d.id + " " + d.url;
    for (const shown of list.children) if (shown.dataset.key === key) return;
    const item = document.createElement("li");
    item.dataset.key = key;
    const badge = document.createElement("span");
    badge.className = "sev sev-" + String(d.severity).replace(/[^a-z]/g, "");
    badge.textContent = d.severity;
    item.append(badge, " ", d.title);
    list.append(item);
    count.textContent = String(list.children.length);
  });
  source.addEventListener("done", () => {
    source.close();
    status.textContent = "Done. Loading the report…";
    location.reload();
  });
})();`;
