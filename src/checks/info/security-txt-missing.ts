import {
  bodyText,
  type Check,
  CVSS_INFORMATIONAL,
  evidenceFrom,
  type Exchange,
  type FindingDraft,
  mimeType,
} from "../../core/index.ts";
import { WELL_KNOWN_PATHS, WellKnownFiles } from "../../artifacts/index.ts";
import { parseExpires, parseSecurityTxt } from "./security-txt-fields.ts";

/** An answer that tells nothing about the file: the server failed or throttled, so no verdict. */
const NO_VERDICT_STATUS = (status: number) => status >= 500 || status === 429;
const LOOKS_LIKE_HTML = /^\s*(<!doctype html|<html|<head|<body|<!--|<meta|<script)/i;
/** The fields RFC 9116 defines besides Contact and Expires: any of them says "this is a security.txt". */
const KNOWN_FIELDS = [
  "contact",
  "expires",
  "encryption",
  "acknowledgments",
  "preferred-languages",
  "canonical",
  "policy",
  "hiring",
  "csaf",
];

type Verdict = { state: "missing"; why: string } | { state: "expired" | "invalid"; problems: string[] };

export const securityTxtMissing: Check = {
  meta: {
    id: "info.security-txt-missing",
    title: "No valid security.txt tells researchers how to report a vulnerability",
    cvss: CVSS_INFORMATIONAL,
    cwe: "CWE-1059",
    references: [
      {
        title: "RFC 9116: A File Format to Aid in Security Vulnerability Disclosure",
        url: "https://www.rfc-editor.org/rfc/rfc9116",
      },
      { title: "securitytxt.org: generate a security.txt", url: "https://securitytxt.org/" },
      {
        title: "OWASP Vulnerability Disclosure Cheat Sheet",
        url: "https://cheatsheetseries.owasp.org/cheatsheets/Vulnerability_Disclosure_Cheat_Sheet.html",
      },
    ],
    explanation:
      "`/.well-known/security.txt` (RFC 9116) is the standard place where someone who finds a vulnerability in your site looks for how to tell you. " +
      "Your site has none, or its file is expired (its `Expires` date has passed) or not valid (no `Contact`, no single `Expires`, or not served as `text/plain`). " +
      "Nothing is open because of it, but a researcher who cannot reach you may give up, or publish, and you hear about the hole last. " +
      "Publish a short text file with a `Contact` (an e-mail or a form) and an `Expires` date less than a year ahead, and renew it before it expires.",
    fixes: {
      express: [
        "`express.static` skips dot folders such as `.well-known` by default; serve the file with its own route:",
        "```js",
        "app.get('/.well-known/security.txt', (req, res) => {",
        "  res.type('text/plain').send(",
        "    'Contact: mailto:security@example.com\\nExpires: 2027-01-01T00:00:00.000Z\\n',",
        "  );",
        "});",
        "```",
      ].join("\n"),
      nextjs:
        "Put the file at `public/.well-known/security.txt` (Next.js serves `public/` as is, dot folders included) with `Contact:` and `Expires:` lines; check that middleware or rewrites do not send that path to a page.",
      fastapi: [
        "```python",
        "from fastapi.responses import PlainTextResponse",
        "",
        "@app.get('/.well-known/security.txt', response_class=PlainTextResponse)",
        "def security_txt():",
        "    return 'Contact: mailto:security@example.com\\nExpires: 2027-01-01T00:00:00.000Z\\n'",
        "```",
      ].join("\n"),
      nginx: [
        "```nginx",
        "location = /.well-known/security.txt {",
        "    alias /etc/nginx/security.txt;   # Contact: and Expires: lines",
        "    default_type text/plain;",
        "}",
        "```",
        "Put it before any `location /` that falls back to `index.html`, and before a rule that denies dotfiles.",
      ].join("\n"),
      cloudflare:
        "Cloudflare can publish one for every path of the zone: Security Center > Security.txt, with your contact and an expiry date.",
      vercel:
        "Add `public/.well-known/security.txt`, then request it: if a rewrite in `vercel.json` answers with `index.html` instead, exclude `/.well-known/` from it.",
      netlify:
        "Add `.well-known/security.txt` to the publish folder; Netlify serves files before the `/* /index.html 200` rule applies.",
    },
    learn: "information-leaks#security-txt-missing",
    needs: [{ kind: WellKnownFiles, request: "security-txt" }],
  },
  analyse(artifacts) {
    const exchange = artifacts.read(WellKnownFiles)["security-txt"];
    const verdict = exchange && verdictOf(exchange);
    if (!exchange || !verdict) return [];
    const asked = `${new URL(exchange.request.url).origin}${WELL_KNOWN_PATHS["security-txt"]}`;
    const draft = (summary: string, note: string, details: Record<string, string>): FindingDraft => ({
      url: asked,
      summary,
      evidence: [evidenceFrom(exchange, note, { headers: ["content-type", "location"] })],
      details,
    });
    if (verdict.state === "missing")
      return [
        draft(`${asked} has no security.txt: ${verdict.why}.`, `The site answered ${verdict.why}.`, {
          state: "missing",
        }),
      ];
    const listed = verdict.problems.join("; ");
    return [
      draft(
        `${asked} is ${verdict.state === "expired" ? "expired" : "not a valid RFC 9116 file"}: ${listed}.`,
        `The file ${listed}.`,
        { state: verdict.state, problems: listed },
      ),
    ];
  },
};

function verdictOf(exchange: Exchange): Verdict | null {
  const response = exchange.response;
  if (!response || NO_VERDICT_STATUS(response.status)) return null;
  if (response.status !== 200) return { state: "missing", why: `${response.status} at that path` };
  const text = bodyText(response);
  const type = mimeType(response.headers);
  if (type === "text/html" || LOOKS_LIKE_HTML.test(text))
    return { state: "missing", why: "an HTML page at that path, not a text file" };
  const { fields } = parseSecurityTxt(text);
  if (!KNOWN_FIELDS.some((name) => fields.has(name)))
    return { state: "missing", why: "a file at that path that holds no security.txt field" };

  const problems: string[] = [];
  if (!fields.has("contact")) problems.push("has no Contact field");
  const expires = fields.get("expires") ?? [];
  let expired = false;
  if (expires.length === 0) problems.push("has no Expires field");
  else if (expires.length > 1) problems.push("has more than one Expires field");
  else {
    const time = parseExpires(expires[0]!);
    // The scan's own clock, when it fetched the file: a check reads no clock of its own.
    if (time === null)
      problems.push(`has an Expires value that is not an RFC 3339 date (${clip(expires[0]!)})`);
    else if (time <= Date.parse(exchange.startedAt)) {
      expired = true;
      problems.push(`expired on ${new Date(time).toISOString().slice(0, 10)}`);
    }
  }
  if (type !== "text/plain")
    problems.push(`is served as ${type ? clip(type) : "no content type"}, not text/plain`);
  if (problems.length === 0) return null;
  return { state: expired && problems.length === 1 ? "expired" : "invalid", problems };
}

function clip(value: string): string {
  return value.length > 40 ? `${value.slice(0, 40)}…` : value;
}
