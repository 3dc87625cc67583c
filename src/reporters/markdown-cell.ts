import { clip, escapeHtml } from "../render/index.ts";

/**
 * Text from a scanned site inside Markdown that GitHub or GitLab renders (a pull-request comment): it
 * renders HTML too, so HTML is escaped, Markdown's marks are backslashed, and the value stays on one line.
 */
export function markdownCell(value: string, max = 160): string {
  return escapeHtml(clip(value.replace(/\s+/g, " "), max)).replace(/[\\|*_[\]()#!`~<>]/g, "\\$&");
}
