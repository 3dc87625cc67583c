import { createHash } from "node:crypto";

/**
 * Paths that cannot exist, to learn how this host answers for a missing file (soft-404 calibration):
 * one plain, one dotfile (CDNs and servers often treat dotfiles differently). Random-looking so no
 * route matches, but derived from the target so a re-scan sends the same requests.
 */
export function baselinePaths(origin: string): string[] {
  const token = createHash("sha256").update(`amihackable:${origin}`).digest("hex").slice(0, 12);
  return [`/amihackable-${token}`, `/.amihackable-${token}`];
}
