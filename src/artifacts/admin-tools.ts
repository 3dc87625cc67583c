import { bodyText, type Exchange, mimeType } from "../core/index.ts";

/** An admin, database or developer tool recognised by its own markup (never by a path or a status). */
export type AdminTool =
  | "phpMyAdmin"
  | "Adminer"
  | "pgAdmin"
  | "Grafana"
  | "Kibana"
  | "Jenkins"
  | "Portainer"
  | "RabbitMQ management"
  | "Jupyter"
  | "Werkzeug debugger console"
  | "Rails web console";

export interface ToolPage {
  tool: AdminTool;
  /**
   * "login": a login, token or PIN prompt; "open": the page itself is the working tool (an interactive
   * console that needs no PIN, a database tool or dashboard already signed in); "shell": the tool's
   * page, whose API says whether it works without login.
   */
  state: "login" | "open" | "shell";
  /** The text that identified it (at most 120 characters). */
  marker: string;
}

interface Signature {
  tool: AdminTool;
  /** The product's own markup; a marketing page that names the product does not carry it. */
  identity: RegExp;
  login?: RegExp;
  open?: RegExp;
}

const SIGNATURES: readonly Signature[] = [
  {
    tool: "Werkzeug debugger console",
    identity: /CONSOLE_MODE\s*=\s*true[\s\S]{0,200}EVALEX\s*=\s*true/,
    // EVALEX_TRUSTED is true when the debugger needs no PIN (or it was already entered, which a scanner never does).
    open: /EVALEX_TRUSTED\s*=\s*true/,
    login: /EVALEX_TRUSTED\s*=\s*false/,
  },
  {
    tool: "Rails web console",
    identity: /data-mount-point=["']\/__web_console["']|data-remote-path=["'][^"']{0,200}__web_console/,
    open: /data-session-id=["'][\w-]{8,}["']/,
  },
  {
    tool: "phpMyAdmin",
    // The title alone could be an article about phpMyAdmin: its own form fields or theme must be there too.
    identity:
      /<title>[^<]{0,80}phpMyAdmin[^<]{0,40}<\/title>(?=[\s\S]{0,200000}(?:pma_username|pma_navigation|themes\/pmahomme|CommonParams))/i,
    login: /name=["']pma_username["']|id=["']input_username["']/,
    open: /id=["']pma_navigation["']/,
  },
  {
    tool: "Adminer",
    identity: /<title>[^<]{0,120}Adminer<\/title>|name=["']auth\[driver\]["']/,
    login: /name=["']auth\[(?:username|password)\]["']/,
  },
  {
    tool: "pgAdmin",
    identity: /<title>pgAdmin 4<\/title>/,
    login: /name=["'](?:email|password)["']|\/authenticate\/login|\/login/,
  },
  { tool: "Grafana", identity: /window\.grafanaBootData\s*=/ },
  { tool: "Kibana", identity: /<kbn-(?:injected-metadata|csp)\b|__kbnBootstrap__|kbnWelcomeView/ },
  {
    tool: "Jenkins",
    identity: /<title>[^<]{0,120}\[Jenkins\]<\/title>/,
    login: /name=["']j_username["']|<title>Sign in \[Jenkins\]/,
    open: /<title>Dashboard \[Jenkins\]<\/title>/,
  },
  { tool: "Portainer", identity: /ng-app=["']portainer["']|<title>Portainer<\/title>/, login: /./ },
  { tool: "RabbitMQ management", identity: /<title>RabbitMQ Management<\/title>/, login: /./ },
  {
    tool: "Jupyter",
    identity:
      /id=["']jupyter-config-data["']|<title>(?:Home Page - Select or create a notebook|JupyterLab|Jupyter (?:Server|Notebook))/,
    login: /name=["']password["']|Password or token|token authentication is enabled/i,
  },
];

/**
 * The admin or developer tool an HTML answer is, if any. Only 2xx HTML answers count (a login page
 * redirected to is read after the redirect), except Rails' web console, which lives in error pages.
 */
export function toolPage(exchange: Exchange): ToolPage | undefined {
  const response = exchange.response;
  if (!response) return undefined;
  // Rails renders its web console into error pages (a development 404 or 500); every other tool answers 2xx.
  const success = response.status >= 200 && response.status < 300;
  const type = mimeType(response.headers);
  if (type !== "text/html" && type !== "") return undefined;
  const text = bodyText(response).slice(0, 256 * 1024);
  for (const signature of SIGNATURES) {
    if (!success && signature.tool !== "Rails web console") continue;
    const identity = signature.identity.exec(text);
    if (!identity) continue;
    const marker = identity[0].slice(0, 120);
    if (signature.open?.test(text) && !signature.login?.test(text))
      return { tool: signature.tool, state: "open", marker };
    if (signature.login?.test(text)) return { tool: signature.tool, state: "login", marker };
    return { tool: signature.tool, state: signature.open ? "login" : "shell", marker };
  }
  return undefined;
}

/**
 * The read-only API call that tells whether a tool works without login, per tool whose page alone does
 * not say: a list of kernels, a dashboard search, the status document. Each answers 401/403 when login is on.
 */
export const OPEN_ACCESS_PATHS: Partial<Record<AdminTool, string>> = {
  Jupyter: "/api/kernels",
  Grafana: "/api/search?limit=1",
  Kibana: "/api/status",
};
