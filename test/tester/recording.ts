import { readFileSync } from "node:fs";
import { DEBUG_PROBE, DEBUG_ROLE, type DebugKind } from "../../src/artifacts/debug-responses.ts";
import { CMS_ASKS, CMS_PROBE, CMS_ROLE, type CmsAsk } from "../../src/artifacts/cms-responses.ts";
import { DOCUMENT_PROBE, DOCUMENT_ROLE } from "../../src/artifacts/documents.ts";
import { ERROR_TRIGGER_ROLE, ERRORS_PROBE, type ErrorTrigger } from "../../src/artifacts/error-triggers.ts";
import { CANDIDATE_ROLE, EXPOSURE_PROBE, type ExposureKind } from "../../src/artifacts/exposure-responses.ts";
import { GRAPHQL_PROBE, INTROSPECTION_ROLE } from "../../src/artifacts/graphql-responses.ts";
import { MCP_PROBE, type McpRole } from "../../src/artifacts/mcp-responses.ts";
import { BASELINE_ROLE } from "../../src/artifacts/soft-404.ts";
import { BUNDLE_ROLE, DISCOVERY_PROBE, PAGE_ROLE } from "../../src/artifacts/scan-exchanges.ts";
import {
  BUCKET_LISTING_ROLE,
  type BucketProvider,
  CLOUD_BUCKETS_PROBE,
} from "../../src/artifacts/cloud-buckets.ts";
import { SOURCE_MAP_ROLE, SOURCE_MAPS_PROBE } from "../../src/artifacts/source-maps.ts";
import {
  FILES_PROBE,
  WELL_KNOWN_PATHS,
  WELL_KNOWN_ROLE,
  type WellKnownFile,
} from "../../src/artifacts/well-known-files.ts";
import type { Exchange, Labels, Method } from "../../src/core/exchange.ts";
import type { DnsOutcome, DnsQueryRecord, DnsQueryType } from "../../src/core/dns.ts";
import { DNS_PROBE, DNS_ROLE, HOST_LABEL } from "../../src/artifacts/dns-records.ts";
import { emptyDiscovery, type Recording } from "../../src/core/recording.ts";
import { isSameSite, parseTarget } from "../../src/core/target.ts";
import { recordingFrom } from "../../src/engine/recording-file.ts";
import { readRecordingFile } from "../../src/engine/recording-schema.ts";
import type { TlsObservation } from "../../src/core/transport.ts";

/** A recorded scan's target: the name fixture scans use, on a fixed port. */
export const RECORDED_URL = "http://app.fixture.test:8080/";

/** Headers as a test writes them: one value, or several (repeated lines, such as Set-Cookie). */
export type Headers = Record<string, string | readonly string[]>;

export interface RecordedAnswer {
  status?: number;
  headers?: Headers;
  body?: string;
  /** Content-Type; HTML by default. */
  type?: string;
}

/**
 * Builds the recording a scan would have made, exchange by exchange, so a check test reads "this page
 * with that header yields this id" and judges in milliseconds. The exchanges carry the probes' own
 * labels (imported from the artifact files that read them), so the artifacts see what a live scan gives.
 * Network behaviour (what a probe sends, budgets, hostile servers) stays tested against live servers.
 */
export class RecordingBuilder {
  private readonly exchanges: Exchange[] = [];
  private readonly discovery = emptyDiscovery();
  private readonly tls = new Map<string, TlsObservation>();
  private readonly pins: string[] = [];
  private readonly dnsQueries: DnsQueryRecord[] = [];
  private readonly url: string;
  constructor(url = RECORDED_URL) {
    this.url = url;
  }

  /** The main page, as the discovery probe fetched it. */
  page(answer: RecordedAnswer = {}, url = this.url): this {
    const exchange = this.add(DISCOVERY_PROBE, { role: PAGE_ROLE }, "GET", url, answer);
    this.discovery.pageExchangeId = exchange.id;
    this.discovery.finalUrl = url;
    this.discovery.endpoints.push({ url, source: "page" });
    return this;
  }

  /** Another same-site page the documents probe fetched. */
  document(path: string, answer: RecordedAnswer = {}): this {
    this.add(DOCUMENT_PROBE, { role: DOCUMENT_ROLE }, "GET", new URL(path, this.url).href, answer);
    return this;
  }

  /**
   * A script the page names (`<script src>`), as discovery lists it: on its own, for another site's script
   * (a CDN URL) discovery does not fetch; add `bundle()` too for a same-site script it fetched. An inline
   * script is given as `{ inline: code }`.
   */
  script(source: string | { inline: string }): this {
    if (typeof source === "string") {
      const url = new URL(source, this.url);
      this.discovery.scripts.push({ url: url.href, sameSite: isSameSite(parseTarget(this.url), url) });
    } else {
      this.discovery.scripts.push({ inline: source.inline, sameSite: true });
    }
    return this;
  }

  /** A same-site script the discovery probe fetched for the page (text/javascript unless `answer.type` says). */
  bundle(path: string, body: string, answer: Omit<RecordedAnswer, "body"> = {}): this {
    // The discovery probe writes this role as a literal; no artifact file exports it.
    const exchange = this.add(DISCOVERY_PROBE, { role: BUNDLE_ROLE }, "GET", new URL(path, this.url).href, {
      type: "text/javascript",
      ...answer,
      body,
    });
    this.discovery.bundles.push({ url: exchange.request.url, exchangeId: exchange.id });
    return this;
  }

  /** The source-maps probe's fetch of a bundle's map, found `via` its header, its comment or a guess. */
  sourceMap(
    path: string,
    bundlePath: string,
    via: "header" | "comment" | "guess",
    answer: RecordedAnswer,
  ): this {
    const bundle = new URL(bundlePath, this.url).href;
    this.add(SOURCE_MAPS_PROBE, { role: SOURCE_MAP_ROLE, bundle, via }, "GET", new URL(path, this.url).href, {
      type: "application/json",
      ...answer,
    });
    return this;
  }

  /** The exposure probe's request for one curated path it expects to be a `kind` file. */
  exposureCandidate(kind: ExposureKind, path: string, answer: RecordedAnswer): this {
    this.add(EXPOSURE_PROBE, { role: CANDIDATE_ROLE, kind, path }, "GET", this.originPath(path), answer);
    return this;
  }

  /** The exposure probe's request for a path that cannot exist (its soft-404 baseline). */
  exposureBaseline(path: string, answer: RecordedAnswer): this {
    this.add(EXPOSURE_PROBE, { role: BASELINE_ROLE, path }, "GET", this.originPath(path), answer);
    return this;
  }

  /** The cms probe's GET of one CMS path (`ask`), under the site's origin or WordPress's `base` folder. */
  cms(ask: CmsAsk, answer: RecordedAnswer, base = ""): this {
    this.add(
      CMS_PROBE,
      { role: CMS_ROLE, ask },
      "GET",
      this.originPath(`${base}${CMS_ASKS[ask].path}`),
      answer,
    );
    return this;
  }

  /** The info-errors probe's deliberately malformed request, in a path or an API route. */
  errorTrigger(trigger: ErrorTrigger, path: string, answer: RecordedAnswer): this {
    this.add(ERRORS_PROBE, { role: ERROR_TRIGGER_ROLE, trigger }, "GET", this.originPath(path), answer);
    return this;
  }

  /** The info-debug probe's request for one well-known debug endpoint. */
  debugEndpoint(kind: DebugKind, path: string, answer: RecordedAnswer): this {
    this.add(DEBUG_PROBE, { role: DEBUG_ROLE, kind }, "GET", this.originPath(path), answer);
    return this;
  }

  /** The info-files probe's GET of robots.txt or security.txt (text/plain unless `answer.type` says). */
  wellKnownFile(file: WellKnownFile, answer: RecordedAnswer): this {
    this.add(FILES_PROBE, { role: WELL_KNOWN_ROLE, file }, "GET", this.originPath(WELL_KNOWN_PATHS[file]), {
      type: "text/plain; charset=utf-8",
      ...answer,
    });
    return this;
  }

  /** The cloud-buckets probe's listing request to a bucket the page named (XML unless `answer.type` says). */
  bucketListing(
    provider: BucketProvider,
    bucket: string,
    url: string,
    answer: RecordedAnswer,
    foundIn = this.url,
  ): this {
    const labels = { role: BUCKET_LISTING_ROLE, provider, bucket, foundIn };
    this.add(CLOUD_BUCKETS_PROBE, labels, "GET", url, { type: "application/xml", ...answer });
    return this;
  }

  /** The graphql probe's introspection request to a GraphQL endpoint found at `source` ("bundle", "usual"). */
  graphqlIntrospection(path: string, answer: RecordedAnswer, method: Method = "GET", source = "usual"): this {
    const labels = { role: INTROSPECTION_ROLE, source };
    this.add(GRAPHQL_PROBE, labels, method, this.originPath(path), { type: "application/json", ...answer });
    return this;
  }

  /** One of the MCP probe's requests: the SSE or /mcp GET, or one of its read-only POSTs. */
  mcp(role: McpRole, path: string, answer: RecordedAnswer, method: Method = "GET"): this {
    this.add(MCP_PROBE, { role }, method, this.originPath(path), { type: "application/json", ...answer });
    return this;
  }

  /** Any exchange, with the labels of the probe that would have sent it. */
  exchange(
    probe: string,
    labels: Labels,
    url: string,
    answer?: RecordedAnswer,
    method: Method = "GET",
  ): this {
    this.add(probe, labels, method, new URL(url, this.url).href, answer);
    return this;
  }

  /**
   * One question the dns probe asked and what came back: records (an array of presentation strings, as
   * the DnsClient writes them) or an outcome without records ("no-data", "no-such-name", "failed").
   */
  dns(
    role: (typeof DNS_ROLE)[keyof typeof DNS_ROLE],
    name: string,
    type: DnsQueryType,
    answer: readonly string[] | Exclude<DnsOutcome, "answered">,
    extra: { host?: string; server?: string; transferred?: number } = {},
  ): this {
    const answers = typeof answer === "string" ? [] : [...answer];
    this.dnsQueries.push({
      id: this.dnsQueries.length + 1,
      probe: DNS_PROBE,
      labels: { role, ...(extra.host ? { [HOST_LABEL]: extra.host } : {}) },
      name,
      type,
      outcome: typeof answer === "string" ? answer : answers.length > 0 ? "answered" : "no-data",
      answers,
      ...(extra.server ? { server: extra.server } : {}),
      ...(extra.transferred !== undefined ? { transferred: extra.transferred } : {}),
      startedAt: "2026-01-01T00:00:00.000Z",
      elapsedMs: 1,
    });
    return this;
  }

  /**
   * What the TLS layer saw on the page's origin (an https URL): defaults for a valid certificate of the
   * page's host, overridden by `observation` (its certificate fields merged).
   */
  tlsObservation(
    observation: Partial<Omit<TlsObservation, "certificate">> & {
      certificate?: Partial<NonNullable<TlsObservation["certificate"]>>;
    } = {},
  ): this {
    const url = new URL(this.url);
    const hostname = url.hostname;
    const { certificate, ...rest } = observation;
    this.tls.set(url.origin, {
      origin: url.origin,
      protocol: "TLSv1.3",
      cipher: "TLS_AES_128_GCM_SHA256",
      authorized: true,
      ...rest,
      certificate: {
        subject: `CN=${hostname}`,
        issuer: "CN=Recorded test CA",
        validFrom: "Jan  1 00:00:00 2026 GMT",
        validTo: "Dec 31 00:00:00 2036 GMT",
        subjectAltNames: [`DNS:${hostname}`],
        selfSigned: false,
        ...certificate,
      },
    });
    return this;
  }

  /** Addresses the user pinned names to (`--resolve`), as a scan with pins records them. */
  pinned(...addresses: string[]): this {
    this.pins.push(...addresses);
    return this;
  }

  /** The page the dns probe fetched from a host whose CNAME points at a hosting service. */
  takeoverPage(host: string, url: string, answer: RecordedAnswer): this {
    this.add(DNS_PROBE, { role: DNS_ROLE.takeoverPage, [HOST_LABEL]: host }, "GET", url, answer);
    return this;
  }

  build(): Recording {
    return {
      target: parseTarget(this.url),
      exchanges: [...this.exchanges],
      discovery: structuredClone(this.discovery),
      tls: new Map(this.tls),
      handshakes: [],
      ...(this.pins.length > 0 ? { pinnedAddresses: [...this.pins] } : {}),
      ...(this.dnsQueries.length > 0 ? { dns: [...this.dnsQueries] } : {}),
    };
  }

  /** The probes that ask for fixed paths ask the origin, not a path relative to the page. */
  private originPath(path: string): string {
    return `${new URL(this.url).origin}${path}`;
  }

  private add(probe: string, labels: Labels, method: Method, url: string, answer?: RecordedAnswer): Exchange {
    const exchange: Exchange = {
      id: this.exchanges.length + 1,
      probe,
      labels,
      request: { method, url, headers: [["user-agent", "amihackable-test"]] },
      startedAt: "2026-01-01T00:00:00.000Z",
    };
    if (answer) {
      const body = new TextEncoder().encode(answer.body ?? "");
      const headers: Array<readonly [string, string]> = [
        ["content-type", answer.type ?? "text/html; charset=utf-8"],
      ];
      for (const [name, value] of Object.entries(answer.headers ?? {}))
        for (const line of typeof value === "string" ? [value] : value)
          headers.push([name.toLowerCase(), line]);
      exchange.response = {
        status: answer.status ?? 200,
        statusText: "",
        headers,
        body,
        wireBytes: body.length,
        httpVersion: "1.1",
        elapsedMs: 1,
      };
    }
    this.exchanges.push(exchange);
    return exchange;
  }
}

export function recorded(url?: string): RecordingBuilder {
  return new RecordingBuilder(url);
}

/** The commonest case: a site whose main page answers with these headers (and this body). */
export function recordedPage(headers: Headers = {}, body?: string): Recording {
  return recorded()
    .page({ headers, ...(body !== undefined ? { body } : {}) })
    .build();
}

/**
 * A scan someone saved with `--save-artifacts` (a false-positive report, say), as a CheckTester site:
 * checked against the schema like any file handed to `judge`, then judged as it was recorded.
 */
export function savedRecording(path: string | URL): Recording {
  const loaded = readRecordingFile(readFileSync(path, "utf8"));
  if (!loaded.ok) throw new Error(`${String(path)} is not a scan recording: ${loaded.problems.join("; ")}`);
  return recordingFrom(loaded.file);
}
