import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { Principal, Store } from "../store/Store.ts";
import { hashToken } from "./hashToken.ts";
import { tokenCache } from "./tokenCache.ts";

/**
 * Turns an `Authorization` header into the caller, or a 401 saying what was wrong. Known tokens
 * are remembered (by hash) for `ttlMs`, 1 s by default, so that a busy registry doesn't look each
 * one up per request and a token deleted from the store (by another registry on the same
 * PostgreSQL, or by hand) stops working within that second; `revokeToken` through the same store
 * empties the cache at once. A lookup also records the token's last use.
 */
export function createAuthenticator(store: Store, options: { ttlMs?: number; now?: () => number } = {}): (header: string | undefined) => Promise<Principal> {
  const ttlMs = options.ttlMs ?? 1_000;
  const now = options.now ?? Date.now;
  const cache = tokenCache(store);
  return async (header) => {
    const match = header === undefined ? null : /^Bearer\s+(\S+)\s*$/i.exec(header);
    if (!match) {
      const what = header === undefined ? "no Authorization header" : "an Authorization header that is not `Bearer <token>`";
      throw new EnvelopeError("ENVELOPE_UNAUTHORIZED", `${what}; expected \`Authorization: Bearer <token>\` with a registry token`);
    }
    const hash = hashToken(match[1]!);
    const cached = cache.get(hash);
    const at = now();
    if (cached && cached.expires > at) return cached.principal;
    const principal = await store.principalOf(hash, new Date(at).toISOString());
    if (!principal) throw new EnvelopeError("ENVELOPE_UNAUTHORIZED", "unknown bearer token; expected a token issued by this registry (`envelope token create`) and not revoked");
    if (cache.size >= 10_000) cache.clear();
    cache.set(hash, { principal, expires: at + ttlMs });
    return principal;
  };
}
