import type { Principal, Store } from "../store/Store.ts";

/** What the authenticator remembers of a token: its principal until `expires` (ms). */
export interface CachedPrincipal {
  principal: Principal;
  expires: number;
}

// one cache per store, so that a revocation through a store empties the cache of every
// authenticator over it (the registry's), without the store knowing about authentication
const caches = new WeakMap<Store, Map<string, CachedPrincipal>>();

/** The cache of known tokens (by hash) of the authenticators over `store`. */
export function tokenCache(store: Store): Map<string, CachedPrincipal> {
  let cache = caches.get(store);
  if (!cache) caches.set(store, (cache = new Map()));
  return cache;
}
