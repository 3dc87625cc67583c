import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { Semaphore } from "./semaphore.ts";

describe("Semaphore", () => {
  it("lets `limit` holders in at once and queues the rest", async () => {
    const semaphore = new Semaphore(2);
    const first = await semaphore.acquire();
    await semaphore.acquire();
    let thirdIn = false;
    const third = semaphore.acquire().then((release) => {
      thirdIn = true;
      return release;
    });
    await Promise.resolve();
    assert.equal(thirdIn, false);
    assert.equal(semaphore.inUse, 2);
    assert.equal(semaphore.waiting, 1);
    first();
    (await third)();
    assert.equal(thirdIn, true);
    assert.equal(semaphore.inUse, 1);
  });

  it("serves waiters first come, first served", async () => {
    const semaphore = new Semaphore(1);
    const hold = await semaphore.acquire();
    const order: number[] = [];
    const waiters = [1, 2, 3].map((n) =>
      semaphore.acquire().then((release) => {
        order.push(n);
        release();
      }),
    );
    hold();
    await Promise.all(waiters);
    assert.deepEqual(order, [1, 2, 3]);
  });

  it("never exceeds its limit under many concurrent users", async () => {
    const semaphore = new Semaphore(3);
    let inside = 0;
    let most = 0;
    await Promise.all(
      Array.from({ length: 50 }, async (_, n) => {
        const release = await semaphore.acquire();
        inside++;
        most = Math.max(most, inside);
        // Yield a varying number of turns so holders overlap in different patterns.
        for (let i = 0; i < n % 4; i++) await Promise.resolve();
        inside--;
        release();
      }),
    );
    assert.equal(most, 3);
    assert.equal(semaphore.inUse, 0);
  });

  it("ignores a second release of the same hold", async () => {
    const semaphore = new Semaphore(1);
    const release = await semaphore.acquire();
    release();
    release();
    assert.equal(semaphore.inUse, 0);
    await semaphore.acquire();
    assert.equal(semaphore.inUse, 1);
    let second = false;
    void semaphore.acquire().then(() => (second = true));
    await Promise.resolve();
    assert.equal(second, false, "a double release must not have freed an extra slot");
  });

  it("removes an aborted waiter from the queue and rejects it", async () => {
    const semaphore = new Semaphore(1);
    const hold = await semaphore.acquire();
    const controller = new AbortController();
    const waiting = semaphore.acquire(controller.signal);
    controller.abort(new Error("deadline"));
    await assert.rejects(waiting, /deadline/);
    assert.equal(semaphore.waiting, 0);
    hold();
    assert.equal(semaphore.inUse, 0, "the aborted waiter must not have taken the slot");
  });

  it("refuses at once when the signal is already aborted, even with a free slot", async () => {
    const semaphore = new Semaphore(4);
    await assert.rejects(semaphore.acquire(AbortSignal.abort(new Error("too late"))), /too late/);
    assert.equal(semaphore.inUse, 0);
  });

  it("treats a limit below one as one", async () => {
    const semaphore = new Semaphore(0);
    await semaphore.acquire();
    assert.equal(semaphore.inUse, 1);
    assert.equal(semaphore.waiting, 0);
  });
});
