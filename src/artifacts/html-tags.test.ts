import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { readTags } from "./html-tags.ts";

function tags(html: string): Array<[string, Record<string, string>, number]> {
  const seen: Array<[string, Record<string, string>, number]> = [];
  readTags(html, { open: (name, attributes, start) => seen.push([name, { ...attributes }, start]) });
  return seen;
}

describe("readTags", () => {
  it("reports opening tags with lower-cased names, decoded values and the offset of the <", () => {
    const html = `<p>x</p><META HTTP-EQUIV="Content-Security-Policy" Content="default-src &apos;self&apos;">`;
    assert.deepEqual(tags(html), [
      ["p", {}, 0],
      ["meta", { "http-equiv": "Content-Security-Policy", content: "default-src 'self'" }, 8],
    ]);
  });

  it("keeps the first of two same-named attributes, as browsers do", () => {
    assert.deepEqual(tags(`<a href="/one" HREF="/two">`), [["a", { href: "/one" }, 0]]);
  });

  it("treats attributes named like Object's properties as plain attributes", () => {
    const attributes = tags(`<a __proto__="x" constructor="y" hasOwnProperty="z">`)[0]?.[1] ?? {};
    assert.deepEqual(Object.entries(attributes), [
      ["__proto__", "x"],
      ["constructor", "y"],
      ["hasownproperty", "z"],
    ]);
  });

  it("gives script and style content as raw text and reports closing tags", () => {
    const texts: string[] = [];
    const closed: string[] = [];
    readTags(`<script>if (a<b) x = "</div>";</script><STYLE>p>a{}</STYLE>`, {
      text: (text) => texts.push(text),
      close: (name) => closed.push(name),
    });
    assert.deepEqual(texts, [`if (a<b) x = "</div>";`, "p>a{}"]);
    assert.deepEqual(closed, ["script", "style"]);
  });

  it("reads 400,000 unclosed elements in one pass, without recursion", () => {
    const html = `${"<div>".repeat(400_000)}<a href="/deep">`;
    let count = 0;
    let last = "";
    readTags(html, {
      open: (name, attributes) => {
        count++;
        last = attributes.href ?? "";
      },
    });
    assert.equal(count, 400_001);
    assert.equal(last, "/deep");
  });

  it("survives broken markup", () => {
    assert.deepEqual(
      tags(`<<a href="/x"<b>><!-- open comment <i>`).map(([name]) => name),
      ["a"],
    );
  });
});
