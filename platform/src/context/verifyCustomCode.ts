import { createHash } from "node:crypto";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { CustomCode } from "../envelope/Envelope.ts";

/** Throws unless the bundled code's sha256 is the one recorded with it, so that altered code is never run. */
export function verifyCustomCode(code: CustomCode): void {
  const actual = createHash("sha256").update(code.code).digest("hex");
  if (actual !== code.sha256) {
    throw new EnvelopeError("ENVELOPE_CONFIG", `custom code ${code.entry}: sha256 is ${actual}, expected ${code.sha256}; refusing to load altered code`);
  }
}
