import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { Principal, Store } from "../store/Store.ts";
import { hashToken, newToken } from "./hashToken.ts";

const identity = /^[\p{L}\p{N}][\p{L}\p{N}@._-]{0,99}$/u;

/**
 * Issues a bearer token for a user of a team and stores only its hash; the token itself is
 * returned once, here. Pass `token` to register a known one (tests, docs setups).
 */
export async function issueToken(store: Store, principal: { user: string; team: string; admin?: boolean }, token: string = newToken()): Promise<string> {
  for (const field of ["user", "team"] as const) {
    if (!identity.test(principal[field])) throw new EnvelopeError("ENVELOPE_CONFIG", `${field} ${JSON.stringify(principal[field])} is not a valid name; expected letters, digits, '@', '.', '_', '-'`);
  }
  const stored: Principal = { user: principal.user, team: principal.team, admin: principal.admin ?? false };
  await store.saveToken(hashToken(token), stored);
  return token;
}
