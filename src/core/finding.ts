import type { Need } from "./artifact.ts";
import type { Labels } from "./exchange.ts";
import type { Severity } from "./severity.ts";
import type { Stack } from "./stack.ts";

export interface Reference {
  title: string;
  url: string;
}

/** What a check says about itself: data, next to its logic, read by reporters, docs and tests. */
export interface CheckMeta {
  /** Public contract id (shared/finding-ids.md): family.kebab-name, equal to the file name. */
  id: string;
  title: string;
  /** CVSS 3.1 base vector; the score and severity are computed from it. */
  cvss: string;
  /** "CWE-942" */
  cwe: string;
  references: readonly Reference[];
  /** Plain words for someone whose AI wrote their code: what is wrong and what an attacker can do. */
  explanation: string;
  /** The fix per stack, in Markdown (code blocks allowed). */
  fixes: Partial<Record<Stack, string>>;
  /** Learn article slug, optionally with an anchor: "cors#origin-reflected". */
  learn: string;
  /** The artifacts this check reads; the engine plans requests from these. */
  needs: readonly Need[];
}

export interface EvidenceRequest {
  method: string;
  url: string;
  headers: ReadonlyArray<readonly [string, string]>;
}

export interface EvidenceResponse {
  status: number;
  /** The headers that prove the point (all headers when none are singled out), bounded. */
  headers: ReadonlyArray<readonly [string, string]>;
  /** A bounded excerpt of the body, as text; renderers escape it. */
  bodyExcerpt: string;
  bodyTruncated: boolean;
}

export interface Evidence {
  exchangeId?: number;
  /** One sentence: what this exchange shows. */
  note: string;
  request?: EvidenceRequest;
  response?: EvidenceResponse;
  /** A one-line command that reproduces the request. */
  curl?: string;
}

/** What a check's analyse() returns: the facts of one instance; the engine adds the meta. */
export interface FindingDraft {
  /** The URL the finding is about. */
  url: string;
  /** One sentence specific to this instance. */
  summary: string;
  evidence: Evidence[];
  /** Overrides meta.cvss when this instance is more or less severe (e.g. a test key). */
  cvss?: string;
  /** Drafts with the same id and key are merged into one finding; default: the URL. */
  groupKey?: string;
  /** Structured facts for machines (origin tried, header value, ...); strings only, already safe to show. */
  details?: Labels;
  /** A self-contained HTML page that demonstrates the issue from another origin. */
  poc?: string;
}

export interface Finding {
  id: string;
  title: string;
  severity: Severity;
  cvss: { vector: string; score: number };
  cwe: string;
  references: readonly Reference[];
  explanation: string;
  fixes: Partial<Record<Stack, string>>;
  learn: string;
  url: string;
  /** Every URL this finding covers (the first is `url`). */
  urls: string[];
  summary: string;
  evidence: Evidence[];
  details: Labels;
  poc?: string;
  /** A prompt to paste into a coding assistant: problem, evidence, fix for the detected stack. */
  aiPrompt: string;
}
