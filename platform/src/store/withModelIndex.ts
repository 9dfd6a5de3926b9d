import { createModelIndex } from "./createModelIndex.ts";
import type { Store } from "./Store.ts";

/**
 * Serves tag queries from memory for a store only this process writes to (the embedded one:
 * its data directory is locked to one registry). The index is loaded once and updated after
 * each committed save or tag change, so it always answers what the SQL would: the contract tests
 * run the same queries against both. A find costs microseconds instead of a PGlite round trip.
 * Clearing the store starts an empty index.
 */
export async function withModelIndex(store: Store): Promise<Store> {
  let index = createModelIndex(await store.listSummaries());
  return {
    ...store,
    async saveModel(model) {
      const saved = await store.saveModel(model);
      index.put(saved);
      return saved;
    },
    async addTags(name, version, tags, team) {
      const updated = await store.addTags(name, version, tags, team);
      index.put(updated);
      return updated;
    },
    findModels: async (query) => index.find(query),
    async clear() {
      await store.clear();
      index = createModelIndex();
    },
  };
}
