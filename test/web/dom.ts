import { parseDocument } from "htmlparser2";
import { findAll, textContent } from "domutils";
import type { Element } from "domhandler";

/** Elements of a page with this tag and these attribute values: tests read structure, not formatting. */
export function find(html: string, tag: string, attributes: Record<string, string | true> = {}): Element[] {
  return findAll(
    (element) =>
      element.name === tag &&
      Object.entries(attributes).every(([name, value]) =>
        value === true ? name in element.attribs : element.attribs[name] === value,
      ),
    parseDocument(html).children,
  );
}

/** An element's text, whitespace collapsed. */
export function text(element: Element | undefined): string {
  return element ? textContent(element).replace(/\s+/g, " ").trim() : "";
}
