import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { TokenBucketStore } from "./token-bucket-store.ts";

/** A store on a clock the test moves: 3 tokens, given back over 3 s (one a second). */
function store() {
  let now = 1_000_000;
  const bucket = new TokenBucketStore({}, () => now);
  const take = (key = "client") => {
    let result = { current: 0, ttl: 0 };
    bucket.incr(key, (_error, value) => (result = value), 3_000, 3);
    return { allowed: result.current <= 3, ttl: result.ttl };
  };
  return { take, wait: (ms: number) => (now += ms), bucket };
}

describe("TokenBucketStore", () => {
  it("allows a burst of max, then refuses with the time until a token is back", () => {
    const { take } = store();
    assert.deepEqual([take().allowed, take().allowed, take().allowed], [true, true, true]);
    const refused = take();
    assert.equal(refused.allowed, false);
    assert.equal(refused.ttl, 1_000);
  });

  it("gives tokens back steadily, so a burst never exceeds max (fixed windows allowed twice that)", () => {
    const { take, wait } = store();
    for (let i = 0; i < 3; i++) take();
    wait(1_000);
    assert.equal(take().allowed, true, "one token came back after a second");
    assert.equal(take().allowed, false, "and only one");
    wait(10_000);
    assert.deepEqual(
      [take().allowed, take().allowed, take().allowed, take().allowed],
      [true, true, true, false],
    );
  });

  it("keeps clients apart, and each child limiter apart from its parent", () => {
    const { take, bucket } = store();
    for (let i = 0; i < 3; i++) take("a");
    assert.equal(take("a").allowed, false);
    assert.equal(take("b").allowed, true);
    let current = 0;
    bucket.child({}).incr("a", (_error, value) => (current = value.current), 3_000, 3);
    assert.ok(current <= 3);
  });
});
