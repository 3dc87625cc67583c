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
 * A keyword no longer than the window ("hf_", "SG.", "AKIA") is searched only where a token starts: after
 * a character outside [A-Za-z0-9_-], as the provider patterns' look-behinds have it, or at the text's
 * start. It is entered once per byte that may stand before it, so a three-character keyword fills a
 * window, and a four-character one may anchor on a rarer pair than its last ("AKI" rather than "IA",
 * which base64 is full of). A character above U+00FF whose low byte is a token character ("а" U+0430)
 * right before a short keyword hides it: a case no key in a bundle has been seen in.
 */
const IS_BOUNDARY = new Uint8Array(256).map((_, byte) =>
  /[A-Za-z0-9_-]/.test(String.fromCharCode(byte)) ? 0 : 1,
);
const BOUNDARIES = [...IS_BOUNDARY.keys()]
  .filter((byte) => IS_BOUNDARY[byte] === 1)
  .map((byte) => String.fromCharCode(byte));
/** The shortest keyword any rule may have. */
const MIN_KEYWORD = 3;

interface Variant {
  /** The exact spelling searched for. */
  text: string;
  /** 1 when a boundary character must stand before it (a short keyword), else 0. */
  skip: number;
  /** Its first two character codes, compared before the whole spelling. */
  first: number;
  second: number;
  /** Which keyword it stands for. */
  keyword: number;
  /** Where the anchor starts, counted from the boundary character for a short keyword. */
  anchor: number;
}

export class KeywordScanner {
  private readonly keywordCount: number;
  /** Keywords no longer than the window, searched only where a token starts. */
  private readonly short: number[] = [];
  private readonly keywords: readonly Keyword[];
  /** The anchor length. */
  private readonly window: number;
  /** How far the window may move when its last two bytes are this pair. */
  private readonly shift: Uint8Array;
  /**
   * The same as one byte per pair for the scan loop: MOVE bits say how far to go (at least one), TRIGGER
   * says the pair ends an anchor. No branch on the distance: a mispredicted one cost more than the step.
   */
  private readonly step: Uint8Array;
  /** For pairs that end an anchor: the spellings whose anchor ends with them (sparse, by pair). */
  private readonly candidates: Variant[][] = [];
  /** For each pair, 1 + its index in `candidates`, or 0 (a dense typed table: a sparse Array is slow). */
  private readonly slot = new Uint16Array(65536);

  constructor(keywords: readonly Keyword[]) {
    this.keywordCount = keywords.length;
    this.keywords = keywords;
    for (const { text } of keywords) {
      if (text.length < MIN_KEYWORD || !/^[\x20-\x7e]+$/.test(text))
        throw new Error(
          `keyword ${JSON.stringify(text)}: needs ${MIN_KEYWORD} or more printable ASCII characters`,
        );
    }
    this.window = MAX_WINDOW;
    this.shift = new Uint8Array(65536).fill(this.window - 1);
    keywords.forEach((keyword, id) => {
      const short = keyword.text.length <= MAX_WINDOW;
      if (short) this.short.push(id);
      for (const spelling of spellings(keyword)) {
        // A short keyword's anchor may take in the boundary before it; which boundary does not change
        // the choice, so one stands in for all of them.
        const skip = short ? 1 : 0;
        const anchor = anchorOf(short ? `"${spelling}` : spelling, this.window);
        this.add(
          {
            text: spelling,
            skip,
            first: spelling.charCodeAt(0),
            second: spelling.charCodeAt(1),
            keyword: id,
            anchor,
          },
          short ? BOUNDARIES.map((before) => before + spelling) : [spelling],
        );
      }
    });
    this.step = new Uint8Array(65536);
    for (let pair = 0; pair < 65536; pair++) {
      const shift = this.shift[pair]!;
      this.step[pair] = shift === 0 ? TRIGGER | 1 : shift;
    }
  }

  /** Enters the anchor of each written form (`extended`: the spelling, or each boundary + it). */
  private add(variant: Variant, extended: readonly string[]): void {
    const { window } = this;
    for (const text of extended) {
      for (let end = 1; end < window; end++) {
        const at = variant.anchor + end;
        const pair = (text.charCodeAt(at - 1) << 8) | text.charCodeAt(at);
        const shift = window - 1 - end;
        if (shift < this.shift[pair]!) this.shift[pair] = shift;
      }
    }
    // The anchor's last pair is the same in every written form: one candidate entry covers them all.
    const text = extended[0]!;
    const at = variant.anchor + window - 1;
    const pair = (text.charCodeAt(at - 1) << 8) | text.charCodeAt(at);
    if (this.slot[pair] === 0) this.slot[pair] = this.candidates.push([]);
    this.candidates[this.slot[pair]! - 1]!.push(variant);
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
    // Anchor ends are only noted here and compared with the text after the loop: a call inside the
    // loop cost more than the steps themselves.
    const q0: number[] = [];
    const q1: number[] = [];
    const q2: number[] = [];
    const q3: number[] = [];
    while (e0 < l0 && e1 < l1 && e2 < l2 && e3 < l3) {
      const s0 = step[(bytes[e0 - 1]! << 8) | bytes[e0]!]!;
      const s1 = step[(bytes[e1 - 1]! << 8) | bytes[e1]!]!;
      const s2 = step[(bytes[e2 - 1]! << 8) | bytes[e2]!]!;
      const s3 = step[(bytes[e3 - 1]! << 8) | bytes[e3]!]!;
      if (s0 & TRIGGER) q0.push(e0);
      if (s1 & TRIGGER) q1.push(e1);
      if (s2 & TRIGGER) q2.push(e2);
      if (s3 & TRIGGER) q3.push(e3);
      e0 += s0 & MOVE;
      e1 += s1 & MOVE;
      e2 += s2 & MOVE;
      e3 += s3 & MOVE;
    }
    for (const end of q0) this.confirm(text, bytes, end, h0);
    for (const end of q1) this.confirm(text, bytes, end, h1);
    for (const end of q2) this.confirm(text, bytes, end, h2);
    for (const end of q3) this.confirm(text, bytes, end, h3);
    this.finish(text, bytes, e0, l0, h0);
    this.finish(text, bytes, e1, l1, h1);
    this.finish(text, bytes, e2, l2, h2);
    this.finish(text, bytes, e3, l3, h3);
    // A short keyword at the very start of the text has no character before it.
    for (const id of this.short)
      for (const spelling of spellings(this.keywords[id]!)) if (text.startsWith(spelling)) h0[id]!.unshift(0);
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
    const slot = this.slot[(bytes[end - 1]! << 8) | bytes[end]!]!;
    if (slot === 0) return;
    const variants = this.candidates[slot - 1]!;
    const anchorStart = end - this.window + 1;
    for (const variant of variants) {
      const start = anchorStart - variant.anchor + variant.skip;
      if (
        start >= variant.skip &&
        bytes[start] === variant.first &&
        bytes[start + 1] === variant.second &&
        (variant.skip === 0 || startsToken(text, start)) &&
        text.startsWith(variant.text, start)
      )
        hits[variant.keyword]!.push(start);
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
 * The 400 most common character pairs in minified JavaScript with inlined base64 (counted on the secret
 * benchmark's corpus), most common first. An anchor ending in one of these would stop the scan often.
 */
const COMMON_PAIRS =
  'IAgAAAreonetAICAthACis==erAgentiarpeAEioteinle",his.atn seurABorntct),iAdemeesturnypoAgCragB\\ust){alAQtyADyAas,"tancKAe.AS0,Ait ec(tsingrt()SAIguncait&&:"t.an,tQQ(e2Ae laodexe(BC);roAMIQriQA,1YCssAkaiifnde_AJedBAce="AFprBIcoNge=Ayamfuxpt(n(nevaCIgI1,CQAUe,liottopa.tEA"))},0e:EgtrCEEI"\\e)EE))ns.p.s trsf(nofiulnaGoQgigt,poealoBBAhem=tllBEu2kA||],DQr(qIe"sgt_.cCychEQs_opLIhaclhAusacAN,et)r ogCopAheggbeicA0mp i3AEBluAGgeBQ,nJAefts{l}fke_a{romn_owCCueve.lNwQIAsKQd Exidn"el_tfoAoIIQCMgocDIAK.eilIB aou,rTyFB,srr2,ECshumAwie_iokmaCgs=t:hB3,d_.ioi eARof0Ar.moALagDK,2,inuJB;rCKs diDAoQQEStol,3soBKiat=t"xtutMA o nnieAkEptICNB:n":ahSgwAuDosUEDeDCMoBih(:tBS):QRn=Nos)At;iqE swBEoQB_cbln..rgtPan:AnDY!=s,_oak&(RBgEInr_kCplnnEGhCadr=n,(r("ArcC,c=npuQh["r)ab0EayRAs:im:rTo12 cAY})suu0)=apgDw PrIock;cn)Bq}}yg';

const pairRank = new Map<string, number>();
for (let at = 0; at + 1 < COMMON_PAIRS.length; at += 2) {
  const pair = COMMON_PAIRS.slice(at, at + 2);
  if (!pairRank.has(pair)) pairRank.set(pair, at / 2);
}

/**
 * Roughly how often the pair occurs, relative to the others: pair counts fall off with rank about as
 * 1/rank (the list's first is 24 times as common as its 400th), and two lower-case letters outside the
 * list are still words' pairs, as common as the list's tail.
 */
function pairCost(pair: string): number {
  const rank = pairRank.get(pair);
  if (rank !== undefined) return 20 / (rank + 10);
  return /^[a-z]{2}$/.test(pair) ? 20 / 410 : 0;
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

/** Whether the character before `at` may not be part of a token (the patterns' look-behind). */
function startsToken(text: string, at: number): boolean {
  const code = text.charCodeAt(at - 1);
  return code > 255 || IS_BOUNDARY[code] === 1;
}

function isAscending(list: readonly number[]): boolean {
  for (let i = 1; i < list.length; i++) if (list[i - 1]! > list[i]!) return false;
  return true;
}
