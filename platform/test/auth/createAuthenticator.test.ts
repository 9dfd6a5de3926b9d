import { expect, test } from "vitest";
import { createAuthenticator } from "../../src/auth/createAuthenticator.ts";
import { hashToken } from "../../src/auth/hashToken.ts";
import { revokeToken } from "../../src/auth/revokeToken.ts";
import type { Principal, Store } from "../../src/store/Store.ts";

/** A store with only what the authenticator and revokeToken use, counting lookups. */
function tokenStore(tokens: Record<string, Principal>) {
  const byHash = new Map(Object.entries(tokens).map(([token, principal]) => [hashToken(token), principal]));
  const store = {
    lookups: 0,
    async principalOf(hash: string) {
      store.lookups++;
      return byHash.get(hash);
    },
    async revokeToken(ref: { hash: string }) {
      const principal = byHash.get(ref.hash);
      byHash.delete(ref.hash);
      return principal && { id: 1, ...principal, createdAt: "2030-01-01T00:00:00.000Z", lastUsedAt: null };
    },
    forget: (token: string) => byHash.delete(hashToken(token)),
  };
  return store;
}

const ada: Principal = { user: "ada", team: "churn", admin: false };

test("a token deleted from the store is refused within 1 s, though it was cached", async () => {
  const store = tokenStore({ "env_ada": ada });
  let now = 0;
  const authenticate = createAuthenticator(store as unknown as Store, { now: () => now });
  expect(await authenticate("Bearer env_ada")).toEqual(ada);
  // served from the cache: no second lookup
  await authenticate("Bearer env_ada");
  expect(store.lookups).toBe(1);
  store.forget("env_ada");
  now = 1_000;
  await expect(authenticate("Bearer env_ada")).rejects.toMatchObject({ code: "ENVELOPE_UNAUTHORIZED", message: expect.stringMatching(/unknown bearer token/) });
});

test("revokeToken forgets the cached tokens of its store at once", async () => {
  const store = tokenStore({ "env_ada": ada });
  const authenticate = createAuthenticator(store as unknown as Store, { now: () => 0 });
  await authenticate("Bearer env_ada");
  expect(await revokeToken(store as unknown as Store, "env_ada")).toMatchObject({ user: "ada" });
  await expect(authenticate("Bearer env_ada")).rejects.toMatchObject({ code: "ENVELOPE_UNAUTHORIZED" });
});

test.each([
  // a token as issued, an id as listed, and what is neither
  ["env_abc", { hash: hashToken("env_abc") }],
  ["17", { id: 17 }],
])("revokeToken reads %s as a token or an id", async (text, ref) => {
  const seen: unknown[] = [];
  const store = { revokeToken: async (given: unknown) => (seen.push(given), undefined) } as unknown as Store;
  await expect(revokeToken(store, text)).rejects.toMatchObject({ code: "ENVELOPE_NOT_FOUND" });
  expect(seen).toEqual([ref]);
});

test("revokeToken refuses what is neither a token nor an id, naming it", async () => {
  const store = { revokeToken: async () => undefined } as unknown as Store;
  await expect(revokeToken(store, "ada")).rejects.toMatchObject({ code: "ENVELOPE_INVALID", message: expect.stringMatching(/"ada" is neither a token \(env_\.\.\.\) nor a token id/) });
});
