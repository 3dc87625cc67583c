import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { BASE62, fakeChars } from "./fake.ts";
import { type Keyword, KeywordScanner } from "./keyword-scanner.ts";
import { RULES } from "./rules/index.ts";

const TOKEN_CHAR = /[A-Za-z0-9_-]/;

/** What the scanner promises, by the slowest possible means: every spelling at every offset. */
function naive(text: string, keywords: readonly Keyword[]): number[][] {
  return keywords.map((keyword) => {
    const short = keyword.text.length <= 4;
    const hits: number[] = [];
    for (let at = 0; at + keyword.text.length <= text.length; at++) {
      const here = text.slice(at, at + keyword.text.length);
      const same = keyword.ignoreCase ? spellings(keyword.text).includes(here) : here === keyword.text;
      if (!same) continue;
      // Only where a token starts; the fuzz texts' non-ASCII characters have no token-character low byte.
      if (short && at > 0 && TOKEN_CHAR.test(text.charAt(at - 1))) continue;
      hits.push(at);
    }
    return hits;
  });
}

function spellings(text: string): string[] {
  const cap = (value: string) => value.charAt(0).toUpperCase() + value.slice(1);
  return [text, text.toLowerCase(), text.toUpperCase(), cap(text), cap(text.toLowerCase())];
}

const ALL_KEYWORDS: Keyword[] = [
  ...new Map(
    RULES.flatMap((rule) =>
      rule.keywords.map((text) => [
        `${rule.keywordsIgnoreCase}:${text}`,
        { text, ignoreCase: rule.keywordsIgnoreCase === true },
      ]),
    ),
  ).values(),
];

describe("keyword scanner", () => {
  const scanner = new KeywordScanner(ALL_KEYWORDS);

  it("finds what a naive search finds, on texts made of keyword pieces, separators and noise", () => {
    const pieces = [
      ...ALL_KEYWORDS.flatMap((k) => spellings(k.text)),
      '"',
      "'",
      "=",
      ".",
      "_",
      "-",
      "\n",
      "é",
      "€",
      "«",
      "\t",
      "AA",
      "IA",
    ];
    for (let round = 0; round < 300; round++) {
      const noise = fakeChars(`fuzz-${round}`, 400, `${BASE62}"'=._-\n :/`);
      let text = "";
      for (let i = 0; i < 60; i++) {
        const pick = noise.charCodeAt(i) % (pieces.length + 8);
        const piece = pieces[pick];
        // Cut pieces short or glue them, so keywords also start and end inside one another.
        text +=
          piece === undefined
            ? noise.slice(i * 5, i * 5 + 3)
            : piece.slice(0, 1 + (noise.charCodeAt(i + 1) % piece.length));
        if (i % 3 === 0 && piece !== undefined) text += piece;
      }
      assert.deepEqual(
        scanner.scan(text),
        naive(text, ALL_KEYWORDS),
        `round ${round}: ${JSON.stringify(text)}`,
      );
    }
  });

  it("finds keywords across the quarters the lanes split the text into, and at its very start and end", () => {
    const keywords: Keyword[] = [
      { text: "sk-proj-", ignoreCase: false },
      { text: "hf_", ignoreCase: false },
      { text: "token", ignoreCase: true },
    ];
    const small = new KeywordScanner(keywords);
    for (let length = 1; length < 80; length++) {
      for (const keyword of ["sk-proj-", "hf_", "Token"]) {
        for (let at = 0; at + keyword.length <= length; at += 3) {
          const text = `${"x".repeat(at)}${keyword}${"x".repeat(length - at - keyword.length)}`.replace(
            /x(?=hf_)/,
            " ",
          );
          assert.deepEqual(small.scan(text), naive(text, keywords), JSON.stringify(text));
        }
      }
    }
  });

  it("refuses keywords it cannot search", () => {
    assert.throws(() => new KeywordScanner([{ text: "ab", ignoreCase: false }]));
    assert.throws(() => new KeywordScanner([{ text: "clé-api", ignoreCase: false }]));
  });
});
