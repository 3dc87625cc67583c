import { SqliteScanStore } from "../../src/store/index.ts";
import { storeContract } from "./store-contract.ts";

storeContract("SQLite", async () => {
  const store = new SqliteScanStore(":memory:");
  return { store, close: () => store.close() };
});
