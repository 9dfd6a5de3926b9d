import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { Store, TokenInfo, TokenRef } from "../store/Store.ts";
import { hashToken } from "./hashToken.ts";
import { tokenCache } from "./tokenCache.ts";

/** A token as issued (`env_...`) or its id from `envelope token list`, as what the store revokes by. */
export function tokenRef(tokenOrId: string): TokenRef {
  if (tokenOrId.startsWith("env_")) return { hash: hashToken(tokenOrId) };
  if (/^[1-9]\d{0,9}$/.test(tokenOrId)) return { id: Number(tokenOrId) };
  throw new EnvelopeError("ENVELOPE_INVALID", `${JSON.stringify(tokenOrId.slice(0, 60))} is neither a token (env_...) nor a token id (a number from \`envelope token list\`)`, {
    problems: [{ path: "token", expected: "a token (env_...) or a token id", got: JSON.stringify(tokenOrId.slice(0, 60)) }],
  });
}

/**
 * Revokes a token, given as issued or by id: deleted from the store, and forgotten at once by the
 * authenticators over this store (the registry it runs in). 404 when there is no such token.
 */
export async function revokeToken(store: Store, tokenOrId: string | TokenRef): Promise<TokenInfo> {
  const ref = typeof tokenOrId === "string" ? tokenRef(tokenOrId) : tokenOrId;
  const revoked = await store.revokeToken(ref);
  tokenCache(store).clear();
  if (!revoked) throw new EnvelopeError("ENVELOPE_NOT_FOUND", "id" in ref ? `no token with id ${ref.id}; expected an id from \`envelope token list\`` : "no such token; it was revoked already, or issued by another registry");
  return revoked;
}
