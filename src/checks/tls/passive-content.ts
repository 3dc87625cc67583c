import { readTags } from "../../artifacts/index.ts";
import { isLoopback, resolve } from "./active-content.ts";

/** An image, audio or video the page would fetch over plain http://. */
export interface PassiveReference {
  tag: string;
  url: string;
  offset: number;
}

const MAX_HTML_CHARS = 512 * 1024;
const MAX_REFERENCES = 20;

/**
 * Elements whose fetch the Mixed Content spec calls "upgradeable" (passive): an image or a media file can
 * show wrong pixels or sound, but cannot run code in the page. `<source>` counts inside <picture>, <audio>
 * and <video> alike, `<input type=image>` is an image too. (<track> subtitles are blockable, not upgradeable.)
 */
const PASSIVE_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  img: ["src", "srcset"],
  audio: ["src"],
  video: ["src", "poster"],
  source: ["src", "srcset"],
};

/** The http:// images and media of a page (its first <base href> applied), loopback hosts left out. */
export function insecurePassiveContent(html: string, pageUrl: string): PassiveReference[] {
  const found: PassiveReference[] = [];
  let base = pageUrl;
  let baseSeen = false;
  readTags(html.slice(0, MAX_HTML_CHARS), {
    open(name, attributes, offset) {
      if (found.length >= MAX_REFERENCES) return;
      if (name === "base" && !baseSeen && attributes.href !== undefined) {
        baseSeen = true;
        const resolved = resolve(attributes.href, pageUrl);
        if (resolved) base = resolved.href;
        return;
      }
      const names =
        name === "input" && (attributes.type ?? "").trim().toLowerCase() === "image"
          ? ["src"]
          : PASSIVE_ATTRIBUTES[name];
      if (!names) return;
      for (const attribute of names) {
        const value = attributes[attribute];
        if (value === undefined || value.trim() === "") continue;
        const candidates = attribute === "srcset" ? srcsetUrls(value) : [value];
        for (const candidate of candidates) {
          const url = resolve(candidate, base);
          if (url?.protocol !== "http:" || isLoopback(url.hostname)) continue;
          if (found.length < MAX_REFERENCES && !found.some((reference) => reference.url === url.href))
            found.push({ tag: name, url: url.href, offset });
        }
      }
    },
  });
  return found;
}

/** The URLs of a srcset ("a.png 1x, b.png 2x"): each candidate's first token. */
function srcsetUrls(srcset: string): string[] {
  return srcset
    .split(/,\s+|,(?=\s*(?:https?:|\/))/i)
    .map((candidate) => candidate.trim().split(/\s+/)[0] ?? "")
    .filter(Boolean)
    .slice(0, 10);
}
