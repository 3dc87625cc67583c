import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { FairLine } from "./fair-line.ts";

function line(entries: Array<[id: string, client: string]>): FairLine {
  const fair = new FairLine();
  for (const [id, client] of entries) fair.add(id, client);
  return fair;
}

describe("FairLine", () => {
  it("serves clients in turn: twenty scans of one client do not wait ahead of another's one", () => {
    const fair = line([
      ["a1", "A"],
      ["a2", "A"],
      ["a3", "A"],
      ["b1", "B"],
      ["c1", "C"],
      ["b2", "B"],
    ]);
    assert.deepEqual(fair.order(), ["a1", "b1", "c1", "a2", "b2", "a3"]);
    const started: string[] = [];
    for (let next = fair.next(new Map(), 1); next; next = fair.next(new Map(), 1)) started.push(next.id);
    assert.deepEqual(started, ["a1", "b1", "c1", "a2", "b2", "a3"], "the start order is the announced order");
  });

  it("lets a client at its share of the running slots wait while others are asking", () => {
    const fair = line([
      ["a2", "A"],
      ["b1", "B"],
    ]);
    // A already runs one scan of two slots; A and B ask, so each may hold one.
    assert.equal(fair.next(new Map([["A", 1]]), 2)?.id, "b1");
    assert.equal(
      fair.next(
        new Map([
          ["A", 1],
          ["B", 1],
        ]),
        2,
      )?.id,
      "a2",
      "no slot is left idle",
    );
  });

  it("counts each client's waiting scans, and forgets a client whose lane is empty", () => {
    const fair = line([
      ["a1", "A"],
      ["a2", "A"],
      ["b1", "B"],
    ]);
    assert.equal(fair.waitingFor("A"), 2);
    assert.equal(fair.size, 3);
    fair.next(new Map(), 4);
    fair.next(new Map(), 4);
    fair.next(new Map(), 4);
    assert.equal(fair.size, 0);
    assert.equal(fair.next(new Map(), 4), undefined);
    fair.add("a3", "A");
    assert.deepEqual(fair.order(), ["a3"]);
  });
});
