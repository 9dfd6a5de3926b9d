import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { Principal, Store, TokenInfo } from "../store/Store.ts";
import { hashToken, newToken } from "./hashToken.ts";

const identity = /^[\p{L}\p{N}][\p{L}\p{N}@._-]{0,99}$/u;

/** A token just issued: the token itself, shown this once, and what the store keeps of it. */
export interface IssuedToken extends TokenInfo {
  token: string;
}

/**
 * Issues a bearer token for a user of a team and stores only its hash; the token itself is
 * returned once, here, with its id. Pass `token` to register a known one (tests, docs setups).
 */
export async function issueTokenInfo(store: Store, principal: { user: string; team: string; admin?: boolean }, token: string = newToken()): Promise<IssuedToken> {
  for (const field of ["user", "team"] as const) {
    if (typeof principal[field] !== "string" || !identity.test(principal[field])) {
      throw new EnvelopeError("ENVELOPE_INVALID", `${field} ${JSON.stringify(principal[field])} is not a valid name; expected letters, digits, '@', '.', '_', '-'`, {
        problems: [{ path: field, expected: "a name of letters, digits, '@', '.', '_', '-' (at most 100)", got: JSON.stringify(principal[field]) }],
      });
    }
  }
  const stored: Principal = { user: principal.user, team: principal.team, admin: principal.admin ?? false };
  return { token, ...(await store.saveToken(hashToken(token), stored)) };
}

/** `issueTokenInfo`'s token alone: what a setup script keeps. */
export async function issueToken(store: Store, principal: { user: string; team: string; admin?: boolean }, token: string = newToken()): Promise<string> {
  return (await issueTokenInfo(store, principal, token)).token;
}
