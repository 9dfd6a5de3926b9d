import type { CustomCode } from "../envelope/Envelope.ts";
import { verifyCustomCode } from "./verifyCustomCode.ts";

/**
 * Imports bundled custom code (from `bundleCustomCode`, e.g. out of a saved envelope) and returns
 * its exports, after checking its sha256 so that altered code is refused.
 */
export async function loadCustomCode<T = Record<string, unknown>>(code: CustomCode): Promise<T> {
  verifyCustomCode(code);
  return (await import(`data:text/javascript;base64,${Buffer.from(code.code).toString("base64")}`)) as T;
}
