import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { Principal } from "../store/Store.ts";

/**
 * Whose usage a caller reads: an admin every team's (undefined) or the one it asks for; anyone
 * else their own team's, and a 403 when they ask for another.
 */
export function teamScope(principal: Principal, requested: string | undefined): string | undefined {
  if (principal.admin) return requested;
  if (requested !== undefined && requested !== principal.team) {
    throw new EnvelopeError("ENVELOPE_FORBIDDEN", `the token of ${principal.user} (team ${principal.team}) reads its own team's usage; expected team=${principal.team}, or an admin token for team ${requested}`);
  }
  return principal.team;
}
