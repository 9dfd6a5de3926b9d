import { EnvelopeError, statusOf, type EnvelopeErrorCode } from "../errors/EnvelopeError.ts";
import { suggestFix } from "./suggestFix.ts";

/**
 * The suggested fix for a recorded failure, known only by its error code (a usage event keeps the
 * code, not the error): what `suggestFix` says for an `EnvelopeError` of that code, or null for
 * a code it does not know. A recorded 422 has lost its list of problems, so its fix is the general one.
 */
export function suggestFixForCode(code: string | null): string | null {
  if (code === null || !Object.hasOwn(statusOf, code)) return null;
  return suggestFix(new EnvelopeError(code as EnvelopeErrorCode, "")) ?? null;
}
