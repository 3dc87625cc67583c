/**
 * One pass over a text for every rule's keywords at once (Wu-Manber multi-pattern search): the engine
 * asks where the keywords occur and runs each rule's pattern only around those places.
 *
 * Why Wu-Manber and not Aho-Corasick or one RegExp alternation: on the secret benchmark's 32 MB corpus
 * (2 shared cores, Node 24) one alternation of all keywords took 195-270 ms, a table-driven Aho-Corasick
 * automaton over the bytes about 105 ms (it reads every character, and a dependent table load per
 * character is its floor), and the pure-JS Aho-Corasick packages on npm far longer (modern-ahocorasick
 * segments graphemes: seconds). Wu-Manber reads two characters at the end of a three-character window and
 * jumps ahead when they cannot end a keyword's anchor, so it reads about half of the text, and stays
 * linear: every step moves forward and checks a bounded number of keywords.
 *
 * Each keyword is found through its anchor, the three characters of it least likely in code, so common
 * pairs ("re", "on") rarely stop the scan. Matching is exact on the text; a keyword that ignores case is
 * searched as written, in lower case, in upper case and capitalised (`apiKey`, `apikey`, `APIKEY`,
 * `ApiKey`), the spellings identifiers use. The text is read as latin1 bytes (one per UTF-16 unit, so
 * offsets are the text's); a character above U+00FF may stop the scan on its low byte, and the
 * comparison against the text then drops it.
 */
export interface Keyword {
  text: string;
  ignoreCase: boolean;
}

/** The longest anchor: four characters let the scan jump three at a time. */
const MAX_WINDOW = 4;
/** Bits of a step-table entry. */
const MOVE = 7;
const TRIGGER = 8;
/**
 * A keyword shorter than the window ("hf_", "SG.", "eyJ") is searched as one spelling per character that
 * may stand before a token (anything but [A-Za-z0-9_-], and the text's start): the pair inside the
 * keyword then ends the anchor instead of a pair as common as "_a" or ".e", and every provider pattern
 * starts at such a boundary anyway.
 */
const BOUNDARIES = [..."\t\n\r !\"#$%&'()*+,./:;<=>?@[\\]^`{|}~"];
/** The shortest keyword any rule may have. */
const MIN_KEYWORD = 3;

interface Variant {
  /** The exact spelling searched for (for a short keyword, with the character before it). */
  text: string;
  /** Where the keyword starts inside `text`: 1 for a short keyword's spelling with its boundary. */
  skip: number;
  /** Its first two character codes, compared before the whole spelling. */
  first: number;
  second: number;
  /** Which keyword it stands for. */
  keyword: number;
  /** Where the anchor starts inside it. */
  anchor: number;
}

export class KeywordScanner {
  private readonly keywordCount: number;
  /** Keywords shorter than the window, searched with the boundary before them. */
  private readonly short: number[] = [];
  private readonly shortTexts: Keyword[];
  /** The anchor length: the shortest keyword, at most MAX_WINDOW. */
  private readonly window: number;
  /** How far the window may move when its last two bytes are this pair. */
  private readonly shift: Uint8Array;
  /**
   * The same as one byte per pair for the scan loop: MOVE bits say how far to go (at least one), TRIGGER
   * says the pair ends an anchor. No branch on the distance: a mispredicted one cost more than the step.
   */
  private readonly step: Uint8Array;
  /** For pairs that end an anchor: the spellings whose anchor ends with them (sparse, by pair). */
  private readonly candidates: Array<Variant[] | undefined> = new Array<Variant[] | undefined>(65536);

  constructor(keywords: readonly Keyword[]) {
    this.keywordCount = keywords.length;
    this.shortTexts = [...keywords];
    for (const { text } of keywords) {
      if (text.length < MIN_KEYWORD || !/^[\x20-\x7e]+$/.test(text))
        throw new Error(
          `keyword ${JSON.stringify(text)}: needs ${MIN_KEYWORD} or more printable ASCII characters`,
        );
    }
    this.window = MAX_WINDOW;
    this.shift = new Uint8Array(65536).fill(this.window - 1);
    keywords.forEach((keyword, id) => {
      const short = keyword.text.length < MAX_WINDOW;
      if (short) this.short.push(id);
      for (const spelling of spellings(keyword))
        for (const text of short ? BOUNDARIES.map((before) => before + spelling) : [spelling])
          this.add({
            text,
            skip: short ? 1 : 0,
            first: text.charCodeAt(0),
            second: text.charCodeAt(1),
            keyword: id,
            anchor: anchorOf(text, this.window),
          });
    });
    this.step = this.shift.map((shift) => (shift === 0 ? TRIGGER | 1 : shift));
  }

  private add(variant: Variant): void {
    const { window } = this;
    for (let end = 1; end < window; end++) {
      const at = variant.anchor + end;
      const pair = (variant.text.charCodeAt(at - 1) << 8) | variant.text.charCodeAt(at);
      const shift = window - 1 - end;
      if (shift < this.shift[pair]!) this.shift[pair] = shift;
      if (shift === 0) this.candidates[pair] = [...(this.candidates[pair] ?? []), variant];
    }
  }

  /** Start offsets of every occurrence of each keyword (by the index given), ascending. */
  scan(text: string): number[][] {
    const bytes = Buffer.from(text, "latin1");
    const { step, window } = this;
    // Four lanes over four quarters of the text, stepped together: each step's table look-up depends on
    // the last one, and four independent chains keep the processor busy while a look-up is in flight
    // (about 2.7 times faster than one lane on the benchmark). A lane owns the anchors that END in its
    // quarter, so every occurrence is found once, even one across two quarters.
    const length = bytes.length;
    const quarter = Math.ceil(length / 4);
    const lanes = [0, 1, 2, 3].map(() => this.emptyHits());
    const [h0, h1, h2, h3] = lanes as [number[][], number[][], number[][], number[][]];
    const l0 = Math.min(length, quarter);
    const l1 = Math.min(length, 2 * quarter);
    const l2 = Math.min(length, 3 * quarter);
    const l3 = length;
    let e0 = window - 1;
    let e1 = Math.max(e0, l0);
    let e2 = Math.max(e0, l1);
    let e3 = Math.max(e0, l2);
    while (e0 < l0 && e1 < l1 && e2 < l2 && e3 < l3) {
      const s0 = step[(bytes[e0 - 1]! << 8) | bytes[e0]!]!;
      const s1 = step[(bytes[e1 - 1]! << 8) | bytes[e1]!]!;
      const s2 = step[(bytes[e2 - 1]! << 8) | bytes[e2]!]!;
      const s3 = step[(bytes[e3 - 1]! << 8) | bytes[e3]!]!;
      if (s0 & TRIGGER) this.confirm(text, bytes, e0, h0);
      if (s1 & TRIGGER) this.confirm(text, bytes, e1, h1);
      if (s2 & TRIGGER) this.confirm(text, bytes, e2, h2);
      if (s3 & TRIGGER) this.confirm(text, bytes, e3, h3);
      e0 += s0 & MOVE;
      e1 += s1 & MOVE;
      e2 += s2 & MOVE;
      e3 += s3 & MOVE;
    }
    this.finish(text, bytes, e0, l0, h0);
    this.finish(text, bytes, e1, l1, h1);
    this.finish(text, bytes, e2, l2, h2);
    this.finish(text, bytes, e3, l3, h3);
    // A short keyword at the very start of the text has no character before it.
    for (const id of this.short)
      for (const spelling of spellings(this.shortTexts[id]!))
        if (text.startsWith(spelling)) h0[id]!.unshift(0);
    return h0.map((first, keyword) => {
      const all = first.concat(h1[keyword]!, h2[keyword]!, h3[keyword]!);
      // Spellings anchored at different offsets report slightly out of order.
      return isAscending(all) ? all : all.sort((a, b) => a - b);
    });
  }

  private emptyHits(): number[][] {
    return Array.from({ length: this.keywordCount }, () => []);
  }

  /** One lane, alone, from `end` to `limit`. */
  private finish(text: string, bytes: Uint8Array, end: number, limit: number, hits: number[][]): void {
    const { step } = this;
    while (end < limit) {
      const next = step[(bytes[end - 1]! << 8) | bytes[end]!]!;
      if (next & TRIGGER) this.confirm(text, bytes, end, hits);
      end += next & MOVE;
    }
  }

  /** The spellings whose anchor may end at `end`, compared with the text there. */
  private confirm(text: string, bytes: Uint8Array, end: number, hits: number[][]): void {
    const variants = this.candidates[(bytes[end - 1]! << 8) | bytes[end]!];
    if (!variants) return;
    const anchorStart = end - this.window + 1;
    for (const variant of variants) {
      const start = anchorStart - variant.anchor;
      if (
        start >= 0 &&
        bytes[start] === variant.first &&
        bytes[start + 1] === variant.second &&
        text.startsWith(variant.text, start)
      )
        hits[variant.keyword]!.push(start + variant.skip);
    }
  }
}

function spellings(keyword: Keyword): string[] {
  const { text } = keyword;
  if (!keyword.ignoreCase) return [text];
  const capitalised = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
  return [
    ...new Set([
      text,
      text.toLowerCase(),
      text.toUpperCase(),
      capitalised(text),
      capitalised(text.toLowerCase()),
    ]),
  ];
}

/**
 * The 200 most common character pairs in minified JavaScript with inlined base64 (counted on the secret
 * benchmark's corpus), most common first. An anchor ending in one of these would stop the scan often.
 */
const COMMON_PAIRS =
  'IAgAAAreonetAICAthACis==erAgentiarpeAEioteinle",his.atn seurABorntct),iAdemeesturnypoAgCragB\\ust){alAQtyADyAas,"tancKAe.AS0,Ait ec(tsingrt()SAIguncait&&:"t.an,tQQ(e2Ae laodexe(BC);roAMIQriQA,1YCssAkifainde_AJedBAce="AFprBIcoNge=Ayamfuxpt(n(nevaCIgI1,CQAUe,liottopa.tEA"))},0e:EgtrCEEI"\\e)EE))ns.p.s trsf(nofiulnaGoQgigt,poealoBBAhem=tllBEu2kA||],DQr(qIe"sgt_.cCychEQs_ophaLIclhAusacAN,et)r ogCohepAgg';

const pairRank = new Map<string, number>();
for (let at = 0; at + 1 < COMMON_PAIRS.length; at += 2) {
  const pair = COMMON_PAIRS.slice(at, at + 2);
  if (!pairRank.has(pair)) pairRank.set(pair, at / 2);
}

/** 0 for a rare pair, up to 2 for the most common. */
function pairCost(pair: string): number {
  const rank = pairRank.get(pair);
  return rank === undefined ? 0 : 2 - rank / 200;
}

/** The offset of the keyword's least common `window` characters (the first of equals). */
function anchorOf(text: string, window: number): number {
  let best = 0;
  let bestCost = Infinity;
  for (let at = 0; at + window <= text.length; at++) {
    // The last pair stops the scan for a comparison; the others only shorten its jumps.
    let cost = 4 * pairCost(text.slice(at + window - 2, at + window));
    for (let i = at + 1; i < at + window - 1; i++) cost += pairCost(text.slice(i - 1, i + 1));
    if (cost < bestCost) {
      bestCost = cost;
      best = at;
    }
  }
  return best;
}

function isAscending(list: readonly number[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]! > list[i]!) return false;
  return true;
}
