import {
  checkMissingObjectSrcDirective,
  checkMultipleMissingBaseUriDirective,
  checkPlainUrlSchemes,
  checkScriptAllowlistBypass,
  checkScriptUnsafeEval,
  checkScriptUnsafeInline,
  checkWildcards,
} from "csp_evaluator/dist/checks/security_checks.js";
import { Directive, Keyword, Version, type Csp } from "csp_evaluator/dist/csp.js";
import { Severity, Type } from "csp_evaluator/dist/finding.js";
import { CspParser } from "csp_evaluator/dist/parser.js";
import { type Recording, type HeaderList, headerValues, defineProbeArtifact } from "../core/index.ts";
import { asDocument, documentExchanges, HtmlDocuments, type HtmlDocument } from "./documents.ts";

/**
 * Content-Security-Policy as browsers apply it, built on Google's csp_evaluator (its parser, its effective-policy
 * rules and its checks) plus what it leaves to the caller: delivery by <meta>, report-only policies that
 * protect nothing, and several policies at once, where a resource must pass every one of them, so a weakness
 * is real only when every enforced policy has it.
 */

export type Delivery = "header" | "meta";

export interface Policy {
  delivery: Delivery;
  /** The policy as sent (clipped), for evidence. */
  text: string;
  /** Parsed, minus the directives its delivery ignores (a <meta> policy cannot set frame-ancestors, ...). */
  csp: Csp;
  /** As a CSP3 browser enforces it: 'unsafe-inline' dropped beside a nonce or hash, and with 'strict-dynamic'
   *  host and scheme sources and 'self' dropped too. */
  effective: Csp;
  /** Directives present but ignored because of the delivery. */
  ignored: string[];
}

export interface DocumentCsp {
  document: HtmlDocument;
  /** Enforced policies: every Content-Security-Policy header (each comma-separated policy) and head <meta>. */
  enforced: Policy[];
  /** Content-Security-Policy-Report-Only policies: they report, they block nothing. */
  reportOnly: string[];
}

/** One source expression that makes a policy weak, and why. */
export interface Weakness {
  directive: string;
  value: string;
  reason: string;
}

/** The weaknesses of one kind in each enforced policy, when every policy that could block has some. */
export type PolicyWeaknesses = Array<{ policy: Policy; weaknesses: Weakness[] }>;

/** Directives a <meta> policy cannot carry (CSP3 §6.1: frame-ancestors, report-uri, sandbox). */
const META_IGNORED: readonly string[] = [Directive.FRAME_ANCESTORS, Directive.REPORT_URI, Directive.SANDBOX];
const MAX_POLICIES = 10;
const MAX_POLICY_TEXT = 400;
/** csp_evaluator's threshold: a shorter nonce is guessable. */
const MIN_NONCE_LENGTH = 8;
const SCRIPT_DIRECTIVES: readonly string[] = [
  Directive.SCRIPT_SRC,
  Directive.SCRIPT_SRC_ATTR,
  Directive.SCRIPT_SRC_ELEM,
];

export const DocumentCsps = defineProbeArtifact("document-csps", (artifacts: Recording): DocumentCsp[] =>
  HtmlDocuments.of(artifacts).map((document) => ({
    document,
    enforced: enforcedPolicies(document.headers, document.metaCsp),
    reportOnly: splitPolicies(headerValues(document.headers, "content-security-policy-report-only")),
  })),
);

export function enforcedPolicies(headers: HeaderList, metaCsp: readonly string[]): Policy[] {
  const fromHeaders = splitPolicies(headerValues(headers, "content-security-policy")).map((text) =>
    toPolicy(text, "header"),
  );
  // A meta policy is a single policy: commas are not separators there.
  const fromMeta = metaCsp.filter((text) => text.trim() !== "").map((text) => toPolicy(text, "meta"));
  return [...fromHeaders, ...fromMeta].slice(0, MAX_POLICIES);
}

/** A header value may carry several policies separated by commas (CSP3 "parse a serialized CSP list"). */
function splitPolicies(values: readonly string[]): string[] {
  return values
    .flatMap((value) => value.split(","))
    .map((text) => text.trim())
    .filter((text) => text !== "" && /[a-z]/i.test(text))
    .slice(0, MAX_POLICIES);
}

function toPolicy(text: string, delivery: Delivery): Policy {
  const csp = new CspParser(text).csp;
  const ignored: string[] = [];
  if (delivery === "meta") {
    for (const directive of META_IGNORED) {
      if (directive in csp.directives) {
        ignored.push(directive);
        delete csp.directives[directive];
      }
    }
  }
  return {
    delivery,
    text: text.length > MAX_POLICY_TEXT ? `${text.slice(0, MAX_POLICY_TEXT)}…` : text,
    csp,
    effective: csp.getEffectiveCsp(Version.CSP3),
    ignored,
  };
}

/** A policy restricts scripts at all only with script-src or default-src (csp_evaluator's missing-script-src rule). */
export function restrictsScripts(policy: Policy): boolean {
  return Directive.SCRIPT_SRC in policy.csp.directives || Directive.DEFAULT_SRC in policy.csp.directives;
}

/** What the document's CSP amounts to against injected scripts. */
export function cspStatus(doc: DocumentCsp): "none" | "no-script-restriction" | "present" {
  if (doc.enforced.length === 0) return "none";
  return doc.enforced.some(restrictsScripts) ? "present" : "no-script-restriction";
}

/**
 * Combines policies: a script weakness is real only if every enforced policy that restricts scripts has it
 * (a policy without script-src or default-src blocks no script, so it cannot save the others). Undefined when
 * the document is safe from this weakness or has no script-restricting policy at all (that is csp-missing).
 */
export function scriptWeakness(
  doc: DocumentCsp,
  find: (policy: Policy) => Weakness[],
): PolicyWeaknesses | undefined {
  const restricting = doc.enforced.filter(restrictsScripts);
  if (restricting.length === 0) return undefined;
  const found = restricting.map((policy) => ({ policy, weaknesses: find(policy) }));
  return found.every((entry) => entry.weaknesses.length > 0) ? found : undefined;
}

/**
 * 'unsafe-inline' that a CSP3 browser honours (not beside a nonce or hash), and nonces that do not keep an
 * attacker out: shorter than 8 characters, or served unchanged in two responses (a cached or hard-coded nonce).
 */
export function inlineWeaknesses(policy: Policy, reusedNonces: ReadonlySet<string>): Weakness[] {
  const weaknesses: Weakness[] = checkScriptUnsafeInline(policy.effective)
    .filter((finding) => finding.type === Type.SCRIPT_UNSAFE_INLINE)
    .map((finding) => ({
      directive: finding.directive,
      value: Keyword.UNSAFE_INLINE,
      reason: `${finding.directive} allows 'unsafe-inline' with no nonce or hash beside it, so any injected <script> or event handler runs`,
    }));
  for (const directive of policy.effective.getEffectiveDirectives([...SCRIPT_DIRECTIVES])) {
    for (const value of policy.effective.directives[directive] ?? []) {
      const nonce = /^'nonce-(.+)'$/i.exec(value)?.[1];
      if (nonce === undefined) continue;
      if (nonce.length < MIN_NONCE_LENGTH)
        weaknesses.push({
          directive,
          value,
          reason: `the nonce in ${directive} is ${nonce.length} characters long, short enough to guess`,
        });
      else if (reusedNonces.has(nonce))
        weaknesses.push({
          directive,
          value,
          reason: `the nonce in ${directive} was the same in two responses, so an attacker can read it once and reuse it`,
        });
    }
  }
  return unique(weaknesses);
}

export function evalWeaknesses(policy: Policy): Weakness[] {
  return checkScriptUnsafeEval(policy.csp).map((finding) => ({
    directive: finding.directive,
    value: Keyword.UNSAFE_EVAL,
    reason: `${finding.directive} allows 'unsafe-eval': strings reaching eval(), new Function() or setTimeout("...") run as code`,
  }));
}

/**
 * Script sources an attacker can use: `*`, `http:`, `https:`, `data:` in the effective script directives, and
 * allowlisted hosts that csp_evaluator knows to serve JSONP or AngularJS (a bypass as good as a wildcard).
 */
export function wildcardWeaknesses(policy: Policy): Weakness[] {
  const effective = policy.effective;
  const scriptDirectives = effective.getEffectiveDirectives([
    Directive.SCRIPT_SRC,
    Directive.SCRIPT_SRC_ELEM,
  ]);
  const wildcards = [...checkWildcards(effective), ...checkPlainUrlSchemes(effective)]
    .filter((finding) => scriptDirectives.includes(finding.directive))
    .map((finding) => ({
      directive: finding.directive,
      value: finding.value ?? "",
      reason:
        finding.type === Type.PLAIN_WILDCARD
          ? `${finding.directive} allows scripts from any host (${finding.value ?? "*"})`
          : `${finding.directive} allows scripts from any ${finding.value ?? ""} URL`,
    }));
  const bypasses = checkScriptAllowlistBypass(effective)
    .filter((finding) => finding.severity === Severity.HIGH)
    .map((finding) => ({
      directive: finding.directive,
      value: finding.value ?? "",
      reason: `${finding.directive} allows ${finding.value ?? "a host"}, ${finding.description.replace(/ which allow to bypass this CSP\.$/, "")}, which runs any script an attacker names`,
    }));
  return unique([...wildcards, ...bypasses]);
}

/** The policy leaves <object>/<embed> open: neither object-src nor default-src (csp_evaluator's rule). */
export function objectSrcMissing(policy: Policy): boolean {
  return checkMissingObjectSrcDirective(policy.csp).length > 0;
}

/**
 * A nonce-based (or hash + 'strict-dynamic') policy needs base-uri, or an injected <base> re-points relative
 * script URLs. csp_evaluator's multi-policy rule: some policy needs it and none sets it.
 */
export function baseUriMissing(doc: DocumentCsp): boolean {
  return checkMultipleMissingBaseUriDirective(doc.enforced.map((policy) => policy.csp)).length > 0;
}

/** Nonces that appear in the CSP of more than one page response: a nonce must be new on every response. */
export const ReusedNonces = defineProbeArtifact(
  "reused-nonces",
  (artifacts: Recording): ReadonlySet<string> => {
    const seenIn = new Map<string, number>();
    const reused = new Set<string>();
    for (const exchange of documentExchanges(artifacts)) {
      const document = asDocument(exchange);
      if (!document) continue;
      const nonces = new Set<string>();
      for (const policy of enforcedPolicies(document.headers, document.metaCsp)) {
        for (const values of Object.values(policy.csp.directives)) {
          for (const value of values ?? []) {
            const nonce = /^'nonce-(.+)'$/i.exec(value)?.[1];
            if (nonce) nonces.add(nonce);
          }
        }
      }
      for (const nonce of nonces) {
        const first = seenIn.get(nonce);
        if (first === undefined) seenIn.set(nonce, exchange.id);
        else if (first !== exchange.id) reused.add(nonce);
      }
    }
    return reused;
  },
);

/** The policies as evidence lines: "header: default-src 'self'; ...". */
export function describePolicies(policies: readonly Policy[]): string {
  return policies.map((policy) => `${policy.delivery}: ${policy.text}`).join("\n");
}

/** The <meta> policies as markup, for the evidence excerpt (headers show the rest); "" when there are none. */
export function metaExcerpt(doc: DocumentCsp): string {
  return doc.enforced
    .filter((policy) => policy.delivery === "meta")
    .map(
      (policy) =>
        `<meta http-equiv="Content-Security-Policy" content="${policy.text.replace(/"/g, "&quot;")}">`,
    )
    .join("\n");
}

function unique(weaknesses: Weakness[]): Weakness[] {
  const seen = new Set<string>();
  return weaknesses.filter((weakness) => {
    const key = `${weakness.directive} ${weakness.value} ${weakness.reason}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
