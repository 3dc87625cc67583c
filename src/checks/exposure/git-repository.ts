import { type Check, bodyText, evidenceFrom, type Exchange, mimeType } from "../../core/index.ts";
import { exposureNeeds, stopServingFixes } from "./shared.ts";
import { exposedFiles, originOf, pathOf } from "./exposed-files.ts";

/** A remote URL with a password or token in it: the repository's host account is exposed too. */
const CVSS_WITH_CREDENTIALS = "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:N";
const CREDENTIALS_IN_URL = /(\w+:\/\/)([^\s/:@]+)(?::([^\s/@]+))?@/g;

/** `.git/HEAD` names a branch (`ref: refs/heads/main`) or, detached, a commit hash. */
export function isGitHead(exchange: Exchange): boolean {
  if (!exchange.response || mimeType(exchange.response.headers) === "text/html") return false;
  const text = bodyText(exchange.response).trim();
  return /^ref: refs\/[\w./-]{1,200}$/.test(text) || /^[0-9a-f]{40}(?:[0-9a-f]{24})?$/.test(text);
}

/** `.git/config` is an INI file with a [core] section that git writes with these keys. */
export function isGitConfig(exchange: Exchange): boolean {
  if (!exchange.response || mimeType(exchange.response.headers) === "text/html") return false;
  const text = bodyText(exchange.response);
  if (text.trimStart().startsWith("<")) return false;
  return /^\s*\[core\]\s*$/m.test(text) && /^\s*(?:repositoryformatversion|filemode|bare)\s*=/m.test(text);
}

function isGitFile(exchange: Exchange): boolean {
  return pathOf(exchange).endsWith("/HEAD") ? isGitHead(exchange) : isGitConfig(exchange);
}

/** actions/checkout leaves the workflow's token in the config as an Authorization header. */
const EXTRA_HEADER = /(extraheader\s*=\s*AUTHORIZATION:\s*\w+\s+)(\S+)/gi;

/** A user name may show; a password or token (in a remote URL or an extra header) may not. */
function redactCredentials(text: string): string {
  return text
    .replace(CREDENTIALS_IN_URL, (_all, scheme: string, user: string, password?: string) =>
      password === undefined ? `${scheme}…@` : `${scheme}${user}:…@`,
    )
    .replace(EXTRA_HEADER, "$1…");
}

function hasCredentials(config: string): boolean {
  EXTRA_HEADER.lastIndex = 0;
  return /\w+:\/\/[^\s/:@]+:[^\s/@]+@/.test(config) || EXTRA_HEADER.test(config);
}

function remoteOf(config: string): string | undefined {
  return /^\s*url\s*=\s*(\S+)/m.exec(config)?.[1];
}

export const gitRepository: Check = {
  meta: {
    id: "exposure.git-repository",
    title: "Your .git folder is public: your source code can be downloaded",
    cvss: "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:N/A:N",
    cwe: "CWE-527",
    references: [
      {
        title: "CWE-527: Exposure of Version-Control Repository to an Unauthorized Control Sphere",
        url: "https://cwe.mitre.org/data/definitions/527.html",
      },
      {
        title: "OWASP WSTG: Review webpage content for information leakage",
        url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/01-Information_Gathering/05-Review_Web_Page_Content_for_Information_Leakage",
      },
      {
        title: "Git documentation: gitrepository-layout",
        url: "https://git-scm.com/docs/gitrepository-layout",
      },
    ],
    explanation:
      "The site serves files from its `.git` folder. Free tools (git-dumper and others) rebuild the whole repository from it in minutes: every source file, and every commit in its history, including secrets you deleted later and the `.env` someone committed once. " +
      "It happens when the project folder is deployed with its `.git` directory and served as-is (an `rsync` or `git clone` into the web root).",
    fixes: stopServingFixes("`.git`", {
      nginx:
        "Deploy build output without the `.git` folder (`git archive`, or your CI's artifact), and rotate any secret that was ever committed: it is in the history.",
      express:
        "Deploy without the `.git` folder, and rotate any secret that was ever committed: it is in the history.",
      nextjs:
        "Deploy the build (`next build` output) without `.git`, and rotate any secret that was ever committed: it is in the history.",
      fastapi:
        "Deploy without the `.git` folder (build a container from a clean copy), and rotate any secret that was ever committed: it is in the history.",
    }),
    learn: "exposed-files#git-repository",
    needs: exposureNeeds("git"),
  },
  analyse(artifacts) {
    const byOrigin = new Map<string, Exchange[]>();
    for (const exchange of exposedFiles(artifacts, "git", isGitFile)) {
      const files = byOrigin.get(originOf(exchange)) ?? [];
      files.push(exchange);
      byOrigin.set(originOf(exchange), files);
    }
    // One finding per repository; the config says more (the remote) than HEAD, so it leads.
    return [...byOrigin].map(([origin, files]) => {
      files.sort((a, b) => Number(isConfig(b)) - Number(isConfig(a)));
      const config = files.find(isConfig);
      const configText = config ? bodyText(config.response) : "";
      const remote = config ? remoteOf(configText) : undefined;
      const withCredentials = hasCredentials(configText);
      const served = files.map(pathOf).join(" and ");
      return {
        url: files[0]!.request.url,
        summary:
          `${served} ${files.length > 1 ? "are" : "is"} served${remote ? ` (remote ${redactCredentials(remote)})` : ""}: the repository, with its whole history, can be rebuilt from ${origin}/.git/.` +
          (withCredentials
            ? " It carries a password or token (in the remote URL or an Authorization header)."
            : ""),
        evidence: files.map((exchange) =>
          evidenceFrom(
            exchange,
            isConfig(exchange)
              ? "The response is a git config file ([core] section)."
              : "The response is a git HEAD file.",
            {
              headers: ["content-type"],
              excerpt: redactCredentials(bodyText(exchange.response).slice(0, 600)),
            },
          ),
        ),
        ...(withCredentials ? { cvss: CVSS_WITH_CREDENTIALS } : {}),
        details: {
          paths: files.map(pathOf).join(","),
          ...(remote ? { remote: redactCredentials(remote) } : {}),
        },
      };
    });
  },
};

function isConfig(exchange: Exchange): boolean {
  return pathOf(exchange).endsWith("/config");
}
