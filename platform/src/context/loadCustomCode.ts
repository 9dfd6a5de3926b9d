import { createHash } from "node:crypto";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { CustomCode } from "../envelope/Envelope.ts";

/**
 * Imports bundled custom code (from `bundleCustomCode`, e.g. out of a saved envelope) and returns
 * its exports, after checking its sha256 so that altered code is refused.
 */
export async function loadCustomCode<T = Record<string, unknown>>(code: CustomCode): Promise<T> {
  const actual = createHash("sha256").update(code.code).digest("hex");
  if (actual !== code.sha256) {
    throw new EnvelopeError("ENVELOPE_CONFIG", `custom code ${code.entry}: sha256 is ${actual}, expected ${code.sha256}; refusing to load altered code`);
  }
  return (await import(`data:text/javascript;base64,${Buffer.from(code.code).toString("base64")}`)) as T;
}
