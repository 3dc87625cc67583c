import { Tokenizer, type TokenizerCallbacks } from "htmlparser2";

/** What a reader of the tag stream wants to hear about; every callback is optional. */
export interface TagVisitor {
  /**
   * An opening tag: the name lower-cased, attribute names lower-cased and values with entities decoded
   * (the first of two same-named attributes wins, as in browsers), and the offset of its "<".
   */
  open?(name: string, attributes: Readonly<Record<string, string>>, start: number): void;
  /** A piece of text between tags, undecoded; inside <script> and <style> it is the raw code. */
  text?(text: string): void;
  /** A closing tag, the name lower-cased. */
  close?(name: string): void;
}

const MAX_ATTRIBUTES = 64;

/**
 * Reads hostile HTML as a stream of tags with htmlparser2's tokenizer (the forgiving one cheerio builds
 * on), in time linear in the input. htmlparser2's Parser keeps its open elements in an array that it
 * unshifts on every tag, so a page of 100,000 unclosed <div>s costs it many seconds of blocked event loop
 * (400,000 cost minutes), and walking such a tree recursively overflows the stack. Readers here see tags,
 * not a tree: enough for script sources, links, metas and subresources. Raw text (script, style) and
 * HTML's self-closing rules are handled by the tokenizer as a browser would.
 */
export function readTags(html: string, visitor: TagVisitor): void {
  let tag = "";
  let tagStart = 0;
  let attributes: Record<string, string> = Object.create(null) as Record<string, string>;
  let count = 0;
  let attributeName = "";
  let attributeValue = "";

  const openTag = () => {
    if (tag) visitor.open?.(tag, attributes, tagStart);
    tag = "";
  };
  const callbacks: TokenizerCallbacks = {
    onopentagname(start, end) {
      tag = html.slice(start, end).toLowerCase();
      // The tokenizer reports the name's start; the tag itself starts at the "<" before it.
      tagStart = start - 1;
      attributes = Object.create(null) as Record<string, string>;
      count = 0;
    },
    onattribname(start, end) {
      attributeName = html.slice(start, end).toLowerCase();
      attributeValue = "";
    },
    onattribdata(start, end) {
      attributeValue += html.slice(start, end);
    },
    onattribentity(codepoint) {
      attributeValue += String.fromCodePoint(codepoint);
    },
    onattribend() {
      if (!(attributeName in attributes) && count < MAX_ATTRIBUTES) {
        attributes[attributeName] = attributeValue;
        count++;
      }
    },
    onopentagend: openTag,
    // In HTML "<script src=x />" is an open tag like any other (the tokenizer still reads raw text after it).
    onselfclosingtag: openTag,
    ontext(start, end) {
      if (visitor.text && end > start) visitor.text(html.slice(start, end));
    },
    onclosetag(start, end) {
      visitor.close?.(html.slice(start, end).toLowerCase());
    },
    ontextentity() {},
    oncdata() {},
    oncomment() {},
    ondeclaration() {},
    onprocessinginstruction() {},
    onend() {},
  };
  const tokenizer = new Tokenizer({ decodeEntities: true }, callbacks);
  tokenizer.write(html);
  tokenizer.end();
}
