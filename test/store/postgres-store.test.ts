import assert from "node:assert/strict";
import { after, before, describe, it } from "node:test";
import pg from "pg";
import { openStore, PostgresScanStore, StoreError } from "../../src/store/index.ts";
import { freePort, testPostgres, type TestService } from "../support/services.ts";
import { storeContract } from "./store-contract.ts";

let server: TestService;
before(async () => {
  server = await testPostgres();
});
after(async () => server.close());

storeContract("PostgreSQL", async () => {
  const store = await PostgresScanStore.open(server.url);
  return { store, close: () => store.close() };
});

describe("PostgreSQL migrations and connection errors", () => {
  it("migrates once when several processes start at the same moment, and again not at all", async () => {
    const stores = await Promise.all([1, 2, 3, 4].map(() => PostgresScanStore.open(server.url)));
    try {
      for (const store of stores) assert.equal(await store.schemaVersion(), 2);
      const client = new pg.Client({ connectionString: server.url });
      await client.connect();
      const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
      await client.end();
      assert.deepEqual(
        rows.map((row) => row.version),
        [1, 2],
      );
    } finally {
      await Promise.all(stores.map((store) => store.close()));
    }
  });

  it("says in one sentence that nothing answers at an unreachable address, within the timeout", async () => {
    const port = await freePort();
    await assert.rejects(
      openStore(`postgres://someone:hunter2@127.0.0.1:${port}/scans`, { connectTimeoutMs: 2000 }),
      (error: Error) => {
        assert.ok(error instanceof StoreError);
        assert.equal(
          error.message,
          `cannot use the PostgreSQL database at postgres://someone:***@127.0.0.1:${port}/scans: nothing answers there (connection refused)`,
        );
        return true;
      },
    );
  });

  it("refuses a database URL of another kind", async () => {
    await assert.rejects(openStore("mysql://127.0.0.1/scans"), {
      message: "--db takes a file path for SQLite or a postgres:// URL, not a mysql:// URL",
    });
  });
});
