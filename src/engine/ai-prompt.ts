import type { CheckMeta, Evidence } from "../core/finding.ts";
import { STACK_LABELS, type Stack } from "../core/stack.ts";

/**
 * A prompt for the user's coding assistant: the problem, the evidence, the fix for their stack, and how to
 * check the result. Our users' code was written by an AI; this meets them there.
 */
export function aiPromptFor(
  meta: CheckMeta,
  url: string,
  summary: string,
  evidence: readonly Evidence[],
  stacks: readonly Stack[],
): string {
  const stack = stacks.find((s) => meta.fixes[s]) ?? (Object.keys(meta.fixes)[0] as Stack | undefined);
  const first = evidence[0];
  const lines = [
    `A security scan (amihackable) of my site found this problem: ${meta.title} [${meta.id}].`,
    "",
    `Where: ${url}`,
    `What was seen: ${summary}`,
  ];
  if (first?.request) lines.push(`Request: ${first.request.method} ${first.request.url}`);
  if (first?.response) {
    lines.push(
      `Response: ${first.response.status} with ${first.response.headers.map(([n, v]) => `${n}: ${v}`).join("; ") || "(no relevant headers)"}`,
    );
  }
  lines.push("", `Why it matters: ${meta.explanation}`, "");
  if (stack && meta.fixes[stack]) {
    lines.push(`My stack looks like ${STACK_LABELS[stack]}. The recommended fix:`, meta.fixes[stack], "");
  }
  lines.push(
    "Please find where this is configured in my code, make the smallest change that fixes it for production, keep local development working, and explain what you changed.",
  );
  if (first?.curl) lines.push(`Afterwards I will re-check with: ${first.curl}`);
  return lines.join("\n");
}
