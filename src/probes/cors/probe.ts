import {
  bodyText,
  type Endpoint,
  type Exchange,
  headerTokens,
  headerValue,
  headerValues,
} from "../../core/index.ts";
import type { Probe, ProbeContext } from "../probe.ts";
import { hostingSuffixesFor } from "./hosting-platforms.ts";
import { bypassOrigins, firstPassOrigins, type OriginProbe } from "./origins.ts";
import {
  connectSrcOrigins,
  originsNamedIn,
  trustedOriginCandidates,
  type TrustedOriginInput,
} from "./trusted-origins.ts";
import { CorsObservations } from "../../artifacts/index.ts";

/** API paths worth a look even when nothing names them: routers often mount CORS only there. */
const COMMON_API_PATHS = ["/api", "/graphql"];
/**
 * The first pass costs 2 requests per endpoint; then the main API endpoint may cost a few candidate
 * trusted origins (when its own origin got no CORS answer), and each group of endpoints that behave alike
 * on one host (a host's API nearly always shares one CORS middleware) costs 1 or 2 preflights, and about
 * ten bypass origins for the main endpoint and the groups whose answer depends on the origin. Whatever
 * the site does, the family never sends more than `requests`; a typical app with one API behind an
 * allowlist costs 20.
 */
const LIMITS = { endpoints: 10, groups: 6, bypassGroups: 3, requests: 62 };
/** Candidate trusted origins sent at once: the likeliest first, the rest only when none was accepted. */
const CANDIDATE_BATCH = 4;

/** Sent on every probe: a logged-in victim's browser sends its cookies, and some servers only answer
 *  CORS for requests that carry one. The value means nothing to the server. */
export const PROBE_COOKIE = "amihackable_probe=1";

/** What a browser sends before a cross-origin PUT with a JSON body. */
export const PREFLIGHT_HEADERS = {
  "access-control-request-method": "PUT",
  "access-control-request-headers": "content-type",
};

interface FirstPass {
  endpoint: Endpoint;
  own: Exchange;
  arbitrary: Exchange;
}

/**
 * Probes CORS in four steps, each sized by what the last one showed.
 * 1. Every endpoint: a GET from the page's own origin and one from an attacker origin. That finds which
 *    endpoints speak CORS, and which echo anyone (the reflection findings list every such URL).
 * 2. The main API endpoint, when its own origin got no CORS answer: candidate origins the API may trust
 *    instead (its front-end on a sibling host, its origin without the port), until one is accepted.
 * 3. One endpoint per group that behaves alike on a host: an attacker preflight (a separate OPTIONS
 *    handler may approve anyone), and, on the main endpoint always and elsewhere when the answer depends
 *    on the origin, every bypass origin, derived from the origin the server trusts.
 * 4. Where the attacker preflight was refused: a preflight from a trusted origin, to tell an allowlist
 *    saying no from preflights that do not work at all.
 */
export const corsProbe: Probe = {
  name: "cors",
  title: "Probing CORS",
  after: ["discovery"],
  produces: [CorsObservations],
  async run(context) {
    const endpoints = corsEndpoints(context);
    const pageOrigin = new URL(context.discovery.finalUrl ?? context.target.url).origin;
    const [own, arbitrary] = firstPassOrigins(pageOrigin) as [OriginProbe, OriginProbe];
    context.progress(`Probing CORS on ${endpoints.length} endpoint${endpoints.length === 1 ? "" : "s"}`);
    const send = capped(LIMITS.requests);

    const first = await Promise.all(
      endpoints.map(async (endpoint): Promise<FirstPass> => {
        const [ownExchange, arbitraryExchange] = await Promise.all([
          sendSimple(context, endpoint, own),
          sendSimple(context, endpoint, arbitrary),
        ]);
        return { endpoint, own: ownExchange, arbitrary: arbitraryExchange };
      }),
    );
    send.spent(first.length * 2);

    const main = mainEndpoint(first);
    const trusted = main && !allowsRead(main.own) ? await findTrusted(context, send, main) : undefined;
    const suffixes = hostingSuffixesFor(pageHeaders(context));
    let bypassGroups = 0;
    await Promise.all(
      groupsWith(main, representatives(first)).map(async (entry) => {
        const isMain = entry === main;
        const bypass =
          (isMain ? !echoesAttacker(entry) : originDependent(entry)) && bypassGroups++ < LIMITS.bypassGroups;
        const friend = isMain && trusted ? trusted : own;
        const origins = bypass ? bypassOrigins(friend.origin, suffixes) : [];
        const [preflight] = await Promise.all([
          send(() => sendPreflight(context, entry.endpoint, arbitrary)),
          ...origins.map((origin) => send(() => sendSimple(context, entry.endpoint, origin))),
        ]);
        if (preflight && !approved(preflight) && (speaksCors(entry) || friend === trusted)) {
          await send(() => sendPreflight(context, entry.endpoint, friend));
        }
      }),
    );
  },
};

/** A send that gives up (returns undefined) once the family has spent its share of the scan's budget. */
interface CappedSend {
  (request: () => Promise<Exchange>): Promise<Exchange | undefined>;
  spent(count: number): void;
}

function capped(limit: number): CappedSend {
  let sent = 0;
  const send = (request: () => Promise<Exchange>) =>
    sent++ < limit ? request() : Promise.resolve(undefined);
  return Object.assign(send, { spent: (count: number) => void (sent += count) });
}

/**
 * The endpoint the site's code calls most plainly: answered 2xx, named by the page or its bundles before
 * the page itself and before a guessed path. Its CORS policy is the one worth reading closely.
 */
function mainEndpoint(first: readonly FirstPass[]): FirstPass | undefined {
  return first
    .filter((entry) => entry.own.response && entry.arbitrary.response)
    .sort((a, b) => rank(a) - rank(b))[0];
}

/** The main endpoint leads, so it always gets its bypass probes; it replaces its group's representative. */
function groupsWith(main: FirstPass | undefined, groups: FirstPass[]): FirstPass[] {
  if (!main) return groups;
  const mainKey = groupKey(main);
  return [main, ...groups.filter((entry) => groupKey(entry) !== mainKey)];
}

/**
 * Tries candidate trusted origins on the main endpoint, a batch at a time, and returns the first one the
 * server allows (its answer is recorded as the "candidate" variant for the checks to judge).
 */
async function findTrusted(
  context: ProbeContext,
  send: CappedSend,
  main: FirstPass,
): Promise<OriginProbe | undefined> {
  const candidates = trustedOriginCandidates(namedOrigins(context, main.endpoint));
  for (let start = 0; start < candidates.length; start += CANDIDATE_BATCH) {
    const batch = candidates
      .slice(start, start + CANDIDATE_BATCH)
      .map((origin): OriginProbe => ({ variant: "candidate", origin }));
    const answers = await Promise.all(
      batch.map((probe) => send(() => sendSimple(context, main.endpoint, probe))),
    );
    const accepted = batch.find((probe, index) => {
      const answer = answers[index];
      return answer !== undefined && allowOrigin(answer) === probe.origin;
    });
    if (accepted) return accepted;
  }
  return undefined;
}

/** What the page, its CSP, its links, its scripts and its bundles name: where a front-end's origin shows. */
function namedOrigins(context: ProbeContext, endpoint: Endpoint): TrustedOriginInput {
  const { discovery, http } = context;
  const pageOrigin = new URL(discovery.finalUrl ?? context.target.url).origin;
  const page = http.exchanges.find((exchange) => exchange.id === discovery.pageExchangeId)?.response;
  const connectSrc = connectSrcOrigins(page ? headerValues(page.headers, "content-security-policy") : []);
  const bundles = discovery.bundles.flatMap((bundle) =>
    originsNamedIn(bodyText(http.exchanges.find((exchange) => exchange.id === bundle.exchangeId)?.response)),
  );
  const named = [
    ...connectSrc,
    ...originsNamedIn(bodyText(page)),
    ...discovery.links,
    ...discovery.scripts.flatMap((script) => (script.url ? [script.url] : [])),
    ...discovery.endpoints.map((known) => known.url),
    ...bundles,
  ];
  return { pageOrigin, endpointOrigin: new URL(endpoint.url).origin, named, namedByPage: connectSrc };
}

function corsEndpoints(context: ProbeContext): Endpoint[] {
  const { discovery, target } = context;
  const base = discovery.finalUrl ?? target.url;
  const endpoints = [...discovery.endpoints];
  if (endpoints.length === 0) endpoints.push({ url: base, source: "page" });
  const seen = new Set(endpoints.map((endpoint) => endpoint.url));
  for (const path of COMMON_API_PATHS) {
    const url = new URL(path, base).href;
    if (!seen.has(url)) {
      seen.add(url);
      endpoints.push({ url, source: "common" });
    }
  }
  return endpoints.slice(0, LIMITS.endpoints);
}

function pageHeaders(context: ProbeContext) {
  const id = context.discovery.pageExchangeId;
  return context.http.exchanges.find((exchange) => exchange.id === id)?.response?.headers;
}

/**
 * One endpoint per host and behaviour (what the own and the attacker origin got back), the best of
 * each group: one the site's code calls and that answered 2xx, rather than a guessed path that 404s.
 * Groups whose answer depends on the origin come first, so the bypass cap never skips them for a
 * cheaper group.
 */
function representatives(first: readonly FirstPass[]): FirstPass[] {
  const groups = new Map<string, FirstPass>();
  const ranked = first
    .filter((entry) => entry.own.response && entry.arbitrary.response)
    .sort((a, b) => rank(a) - rank(b));
  for (const entry of ranked) {
    const key = groupKey(entry);
    if (!groups.has(key)) groups.set(key, entry);
  }
  return [...groups.values()]
    .sort((a, b) => Number(originDependent(b)) - Number(originDependent(a)))
    .slice(0, LIMITS.groups);
}

function groupKey(entry: FirstPass): string {
  return [new URL(entry.endpoint.url).host, corsSignature(entry.own), corsSignature(entry.arbitrary)].join(
    "|",
  );
}

const SOURCE_RANK: Record<string, number> = { bundle: 0, html: 0, page: 1, common: 2 };

function rank(entry: FirstPass): number {
  const status = entry.own.response?.status ?? 0;
  return (status >= 200 && status < 300 ? 0 : 10) + (SOURCE_RANK[entry.endpoint.source] ?? 1);
}

/**
 * The answer depends on the Origin (the mark of an allowlist, which is where bypasses live): the own and
 * the attacker origin got different Access-Control-Allow-Origin values, or the server says `Vary: Origin`.
 * An endpoint that echoes the attacker is left out (every bypass would be echoed too: the broader finding
 * says it all), as is a fixed answer (`*`, or always the same origin), which no crafted origin changes.
 */
function originDependent(entry: FirstPass): boolean {
  const attackerValue = allowOrigin(entry.arbitrary);
  if (echoesAttacker(entry)) return false;
  if (allowOrigin(entry.own) !== attackerValue) return true;
  return [entry.own, entry.arbitrary].some((exchange) =>
    headerTokens(exchange.response?.headers ?? [], "vary").includes("origin"),
  );
}

/** The attacker origin was echoed: every bypass would be too, and the reflection findings say it all. */
function echoesAttacker(entry: FirstPass): boolean {
  const attackerValue = allowOrigin(entry.arbitrary);
  return attackerValue !== undefined && attackerValue === entry.arbitrary.labels.origin;
}

/** The origin that sent this request may read the answer (echoed, or `*`). */
function allowsRead(exchange: Exchange): boolean {
  const value = allowOrigin(exchange);
  return value !== undefined && (value === "*" || value === exchange.labels.origin);
}

function speaksCors(entry: FirstPass): boolean {
  return allowOrigin(entry.own) !== undefined || allowOrigin(entry.arbitrary) !== undefined;
}

function allowOrigin(exchange: Exchange): string | undefined {
  return exchange.response
    ? headerValue(exchange.response.headers, "access-control-allow-origin")?.trim()
    : undefined;
}

/** A preflight the browser accepts: a 2xx status with Access-Control-Allow-Origin. */
function approved(exchange: Exchange): boolean {
  const status = exchange.response?.status ?? 0;
  return status >= 200 && status < 300 && allowOrigin(exchange) !== undefined;
}

function corsSignature(exchange: Exchange): string {
  const headers = exchange.response?.headers ?? [];
  const origin = allowOrigin(exchange);
  const echoed = origin !== undefined && origin === exchange.labels.origin ? "<echo>" : (origin ?? "-");
  return `${echoed}/${headerValue(headers, "access-control-allow-credentials") ?? "-"}`;
}

function sendSimple(context: ProbeContext, endpoint: Endpoint, probe: OriginProbe): Promise<Exchange> {
  return context.http.send({
    method: "GET",
    url: endpoint.url,
    headers: { origin: probe.origin, cookie: PROBE_COOKIE },
    probe: "cors",
    labels: {
      endpoint: endpoint.url,
      source: endpoint.source,
      variant: probe.variant,
      origin: probe.origin,
      kind: "simple",
    },
  });
}

function sendPreflight(context: ProbeContext, endpoint: Endpoint, probe: OriginProbe): Promise<Exchange> {
  return context.http.send({
    method: "OPTIONS",
    url: endpoint.url,
    // Browsers never send cookies on a preflight.
    headers: { origin: probe.origin, ...PREFLIGHT_HEADERS },
    probe: "cors",
    labels: {
      endpoint: endpoint.url,
      source: endpoint.source,
      variant: probe.variant,
      origin: probe.origin,
      kind: "preflight",
    },
  });
}
