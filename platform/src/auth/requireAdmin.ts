import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { Principal } from "../store/Store.ts";

/** Throws a 403 naming the caller unless its token is an admin's; `what` is what needed it. */
export function requireAdmin(principal: Principal, what: string): void {
  if (principal.admin) return;
  throw new EnvelopeError("ENVELOPE_FORBIDDEN", `the token of ${principal.user} (team ${principal.team}) is not an admin token; expected an admin token to ${what}`);
}
