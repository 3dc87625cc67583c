import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { DomUtils, Parser, parseDocument } from "htmlparser2";
import { inertnessProblems } from "../../test/support/inert-html.ts";
import { renderBadge } from "./badge.ts";

/** Parses as XML and fails on anything a strict XML parser would reject that htmlparser2 would repair. */
function parseXml(svg: string) {
  const problems: string[] = [];
  const parser: Parser = new Parser(
    {
      onclosetag: (name, isImplied) => {
        // Self-closed elements ("<rect/>") count as implied closes too; anything else implied is an
        // element a strict parser would reject as unclosed or mismatched.
        const raw = svg.slice(parser.startIndex, parser.endIndex + 1);
        if (isImplied && !raw.endsWith("/>")) problems.push(`<${name}> not closed`);
      },
    },
    { xmlMode: true },
  );
  parser.write(svg);
  parser.end();
  assert.deepEqual(problems, []);
  assert.doesNotMatch(svg, /&(?!(?:amp|lt|gt|quot|#39);)/, "only the five XML entities");
  assert.doesNotMatch(
    svg,
    /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/,
    "no characters XML forbids",
  );
  return parseDocument(svg, { xmlMode: true });
}

describe("grade badge", () => {
  it("is checked by a parser that rejects unclosed and mismatched elements", () => {
    assert.throws(() => parseXml("<svg><g></svg>"));
    assert.throws(() => parseXml("<svg><g>"));
    assert.doesNotThrow(() => parseXml("<svg><rect x='1'/></svg>"));
  });

  it("is a well-formed, labelled SVG reading 'amihackable | A+'", () => {
    const doc = parseXml(renderBadge("A+"));
    const [svg] = DomUtils.getElementsByTagName("svg", doc);
    assert.ok(svg);
    assert.equal(svg.attribs.xmlns, "http://www.w3.org/2000/svg");
    assert.equal(svg.attribs.role, "img");
    assert.equal(svg.attribs["aria-label"], "amihackable: A+");
    assert.equal(DomUtils.textContent(DomUtils.getElementsByTagName("title", doc)[0]!), "amihackable: A+");
    const texts = DomUtils.getElementsByTagName("text", doc).map((t) => DomUtils.textContent(t));
    assert.deepEqual(texts, ["amihackable", "amihackable", "A+", "A+"]);
  });

  it("is coloured by grade", () => {
    const fill = (grade: string) =>
      /<rect x="\d+" width="\d+" height="20" fill="(#[0-9a-f]{6})"/.exec(renderBadge(grade))![1];
    const colours = ["A+", "A", "B", "C", "D", "F"].map(fill);
    assert.equal(new Set(colours).size, 6);
    assert.equal(fill("Z"), fill("?"), "unknown grades are grey");
  });

  it("grows with its text", () => {
    const width = (grade: string) => Number(/<svg[^>]* width="(\d+)"/.exec(renderBadge(grade))![1]);
    assert.ok(width("A+") > width("A"));
  });

  it("escapes and bounds hostile input", () => {
    for (const hostile of [
      `<script>alert(1)</script>`,
      `"><svg onload=alert(1)>`,
      `' onmouseover='alert(1)`,
      "A&B",
      "\u202EF\u202C\u0000\u0007\uffff\ud800",
      "F".repeat(10_000),
      "",
    ]) {
      const svg = renderBadge(hostile);
      parseXml(svg);
      assert.deepEqual(inertnessProblems(svg), [], hostile);
      assert.ok(svg.length < 2_500, "a long grade is cut short");
    }
    assert.match(renderBadge("<b>"), /aria-label="amihackable: &lt;b&gt;"/);
    assert.match(renderBadge("\u202EF"), /⟦U\+202E⟧F/);
    assert.match(renderBadge("   "), /amihackable: \?/);
  });
});
