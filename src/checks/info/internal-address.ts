import {
  bodyText,
  type Check,
  evidenceFrom,
  type Evidence,
  type Exchange,
  type FindingDraft,
  isSameSite,
  mimeType,
} from "../../core/index.ts";
import { ErrorTriggers, redactTokens, ScanExchanges } from "../../artifacts/index.ts";
import {
  type AddressMatch,
  inAddressShape,
  internalAddresses,
  isInternalIp,
  looksLikeVersion,
} from "./internal-addresses.ts";

/** Headers that describe the client (here, the scanner itself): its address is no leak of the site's. */
const CLIENT_HEADERS = new Set([
  "x-real-ip",
  "x-client-ip",
  "x-originating-ip",
  "true-client-ip",
  "cf-connecting-ip",
  "x-cluster-client-ip",
  "x-remote-addr",
  "x-remote-ip",
  "remote-addr",
]);
/** Proxy hop lists: the first entry is the client, the ones after it are the site's own proxies. */
const HOP_LISTS = new Set(["x-forwarded-for", "forwarded"]);
/** Header names in which a bare IP is an address; elsewhere (`X-Version: 10.2.3.4`) it must look like one. */
const ADDRESS_HEADER =
  /(^|-)(via|host|hostname|server|backend|upstream|origin|node|ip|addr|address|forwarded|location|refresh|link|served|instance|proxy|cache|route)($|-|s$)/;
/** In a body, words just before an IP that make it an address (a connection error, a debug table). */
const ADDRESS_WORDS =
  /\b(host|hostname|server|server_addr|server_name|address|addr|ip|upstream|backend|connect(?:ed|ing|ion)?|peer|proxy|node|bind|listen(?:ing)?|database|db|redis|mysql|postgres(?:ql)?|mongo(?:db)?|endpoint|gateway|getaddrinfo|enotfound|econnrefused|etimedout|ehostunreach|lookup|resolve|dial tcp|url|uri)\b[^\n]{0,40}$/i;
/** Names only clouds and clusters give their machines: an address whatever surrounds it. */
const CLOUD_NAME = /\.(svc\.cluster\.local|ec2\.internal|compute\.internal)$/;
/** ... unless they speak of the visitor, whose address the page may echo. */
const CLIENT_WORDS =
  /\b((your|client|visitor|remote)[ _-]?(ip|addr|address)|x-forwarded-for|x-real-ip|you are connecting from)\b[^\n]{0,40}$/i;
/** Code and assets are not error pages, whatever strings they contain. */
const NOT_A_PAGE_TYPE = /javascript|ecmascript|css|image\/|font\/|audio\/|video\/|wasm|octet-stream|zip|pdf/;
const NOT_A_PAGE_PATH = /\.(m?js|cjs|css|map|wasm|png|jpe?g|gif|webp|svg|ico|woff2?)$/i;
/** Error pages show their internals near the top; the rest of a hostile body is not read. */
const MAX_BODY_CHARS = 64 * 1024;
const MAX_ADDRESSES = 5;
const EXCERPT_CHARS = 80;

interface Sighting {
  exchange: Exchange;
  address: AddressMatch;
  /** "the Via header", "the body of the 502 answer". */
  where: string;
  evidence: () => Evidence;
}

export const internalAddress: Check = {
  meta: {
    id: "info.internal-address",
    title: "Responses reveal internal IP addresses or host names",
    cvss: "CVSS:3.1/AV:N/AC:H/PR:N/UI:N/S:U/C:L/I:N/A:N",
    cwe: "CWE-200",
    references: [
      {
        title: "CWE-200: Exposure of Sensitive Information to an Unauthorized Actor",
        url: "https://cwe.mitre.org/data/definitions/200.html",
      },
      {
        title: "OWASP WSTG: Map Application Architecture",
        url: "https://owasp.org/www-project-web-security-testing-guide/latest/4-Web_Application_Security_Testing/01-Information_Gathering/10-Map_Application_Architecture",
      },
      {
        title: "RFC 1918: Address Allocation for Private Internets",
        url: "https://www.rfc-editor.org/rfc/rfc1918",
      },
      {
        title: "nginx: proxy_redirect and proxy_hide_header",
        url: "https://nginx.org/en/docs/http/ngx_http_proxy_module.html#proxy_redirect",
      },
    ],
    explanation:
      "Your site's answers name machines of its internal network: a private address such as `10.0.3.12` or `172.16.0.5`, or a name such as `ip-10-0-3-12.ec2.internal` or `redis.default.svc.cluster.local`, in a header (`Via`, `X-Backend-Server`, a `Location` that points at the app server) or in an error page. " +
      "Nothing can reach those machines from the internet directly, but the names and addresses are a map: they tell an attacker which cloud and network layout you use and, as soon as they find a request forgery (SSRF) or a misrouted proxy, exactly where to aim. " +
      "They usually come from a proxy that passes the upstream's own headers and redirects through unchanged, or from an error page that prints the connection it failed to make.",
    fixes: {
      express: [
        "Behind a proxy, build redirects from the public host (`app.set('trust proxy', 1)` so `req.hostname` is the visitor's), never from the internal address, and answer errors without the connection details:",
        "```js",
        "app.set('trust proxy', 1);",
        "app.use((err, req, res, next) => {",
        "  console.error(err); // ECONNREFUSED 10.0.3.12:5432 stays in the log",
        "  res.status(500).json({ error: 'Something went wrong' });",
        "});",
        "```",
      ].join("\n"),
      nextjs:
        "Set your public URL in environment variables (`NEXT_PUBLIC_SITE_URL`) and use it for redirects and absolute links; catch errors in route handlers and return a generic message. Check the headers your host or proxy adds (`x-backend-server`, `via`) and remove them there.",
      fastapi: [
        "Run uvicorn with `--proxy-headers --forwarded-allow-ips=<your proxy>` so redirects use the public host, and answer errors generically:",
        "```python",
        "@app.exception_handler(Exception)",
        "async def unhandled(request, exc):",
        "    logger.exception('unhandled error')",
        "    return JSONResponse({'error': 'Something went wrong'}, status_code=500)",
        "```",
      ].join("\n"),
      nginx: [
        "```nginx",
        "location / {",
        "    proxy_pass http://10.0.3.12:8080;",
        "    proxy_set_header Host $host;           # the app sees the public name",
        "    proxy_redirect http://10.0.3.12:8080/ /; # rewrite upstream Location headers",
        "    proxy_hide_header X-Backend-Server;",
        "    proxy_intercept_errors on;             # your error pages, not the upstream's",
        "}",
        "```",
      ].join("\n"),
      apache:
        "Use `ProxyPassReverse` for every `ProxyPass` (it rewrites upstream `Location` headers), `Header unset X-Backend-Server`, and `ProxyErrorOverride On` for your own error pages.",
      cloudflare:
        "Remove the header with a Transform Rule (Modify Response Header); fix redirects and error pages at the origin.",
    },
    learn: "information-leaks#internal-address",
    // The error triggers are read through ScanExchanges like every answer; needing them makes the
    // info-errors probe provoke an error page even when this check runs alone.
    needs: [ScanExchanges, ErrorTriggers],
  },
  analyse(artifacts) {
    const scan = artifacts.read(ScanExchanges);
    const target = artifacts.target;
    // A site that itself lives on an internal address (pinned there, or scanned by one) is an internal
    // site: internal addresses in its answers are expected and leak nothing to the internet.
    if (isInternalIp(target.hostname) || scan.pinnedAddresses.some(isInternalIp)) return [];
    const own = new Set([target.hostname.toLowerCase(), ...scan.pinnedAddresses.map((a) => a.toLowerCase())]);
    const isOwn = (address: AddressMatch) =>
      own.has(address.value) ||
      (address.kind === "name" && isSameSite(target, new URL(`http://${address.value}/`)));

    const byOrigin = new Map<string, Sighting[]>();
    for (const exchange of scan.all) {
      if (!exchange.response) continue;
      const url = new URL(exchange.request.url);
      if (!isSameSite(target, url)) continue;
      // What the scanner itself sent (a CORS probe's Origin, the path) and the site echoes is not the site's.
      const sent = [exchange.request.url, ...exchange.request.headers.map(([, value]) => value)]
        .join("\n")
        .toLowerCase();
      const sightings = [...inHeaders(exchange), ...inErrorBody(exchange)].filter(
        ({ address }) => !isOwn(address) && !sent.includes(address.value),
      );
      if (sightings.length === 0) continue;
      byOrigin.set(url.origin, [...(byOrigin.get(url.origin) ?? []), ...sightings]);
    }
    return [...byOrigin].map(([origin, sightings]): FindingDraft => {
      const first = new Map<string, Sighting>();
      for (const sighting of sightings)
        if (!first.has(sighting.address.value) && first.size < MAX_ADDRESSES)
          first.set(sighting.address.value, sighting);
      const listed = [...first.values()];
      return {
        url: origin,
        groupKey: origin,
        summary: `${origin} reveals internal ${listed.length === 1 ? "address" : "addresses"}: ${listed
          .map(({ address, where }) => `${address.value} (${where})`)
          .join(", ")}.`,
        evidence: listed.slice(0, 3).map(({ evidence }) => evidence()),
        details: Object.fromEntries(
          listed.map(({ address, where, exchange }) => [
            address.value,
            `${where} of ${exchange.request.url}`,
          ]),
        ),
      };
    });
  },
};

/** Connection strings beside an address: the password in `user:pass@host` and `password=...` go. */
function redactCredentials(excerpt: string): string {
  return redactTokens(excerpt)
    .replace(/(\/\/[^\s/:@]*:)[^\s@/]+@/g, "$1[redacted]@")
    .replace(/\b(pass(?:word)?|pwd|secret|token)(["']?\s*[=:]\s*["']?)[^\s"',;&]+/gi, "$1$2[redacted]");
}

function inHeaders(exchange: Exchange): Sighting[] {
  const sightings: Sighting[] = [];
  for (const [name, raw] of exchange.response!.headers) {
    if (CLIENT_HEADERS.has(name)) continue;
    const value = HOP_LISTS.has(name) ? raw.slice(raw.indexOf(",") + 1 || raw.length) : raw;
    for (const address of internalAddresses(value)) {
      if (looksLikeVersion(value, address)) continue;
      if (address.kind === "ip" && !ADDRESS_HEADER.test(name) && !inAddressShape(value, address)) continue;
      sightings.push({
        exchange,
        address,
        where: `the ${name} header`,
        evidence: () =>
          evidenceFrom(exchange, `The ${name} header names ${address.value}.`, {
            headers: [name],
            excerpt: "",
          }),
      });
    }
  }
  return sightings;
}

function inErrorBody(exchange: Exchange): Sighting[] {
  const response = exchange.response!;
  const type = mimeType(response.headers);
  // Server errors and proxy failures print connections; a 4xx HTML page is usually the site's own
  // template (sidebars, articles), where an address is content. A 4xx JSON or text error is read.
  if (response.status < 400 || (response.status < 500 && /html/.test(type))) return [];
  if (NOT_A_PAGE_TYPE.test(type)) return [];
  if (NOT_A_PAGE_PATH.test(new URL(exchange.request.url).pathname)) return [];
  const text = bodyText(response).slice(0, MAX_BODY_CHARS);
  const sightings: Sighting[] = [];
  for (const address of internalAddresses(text)) {
    if (looksLikeVersion(text, address)) continue;
    const before = text.slice(Math.max(0, address.index - 60), address.index);
    if (CLIENT_WORDS.test(before)) continue;
    const distinctive = address.kind === "name" && CLOUD_NAME.test(address.value);
    if (!distinctive && !inAddressShape(text, address) && !ADDRESS_WORDS.test(before)) continue;
    const where = `the body of the ${response.status} answer`;
    sightings.push({
      exchange,
      address,
      where,
      evidence: () => {
        const start = Math.max(0, address.index - EXCERPT_CHARS);
        const excerpt = text
          .slice(start, address.index + address.value.length + EXCERPT_CHARS)
          .replace(/\s+/g, " ");
        return evidenceFrom(exchange, `The ${response.status} page names ${address.value}.`, {
          headers: ["content-type"],
          // Error pages print connection strings; a password next to the address must not be shown.
          excerpt: redactCredentials(excerpt),
        });
      },
    });
  }
  return sightings;
}
