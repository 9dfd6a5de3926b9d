import { verifyCustomCode } from "../context/verifyCustomCode.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { CustomCode, SavedEnvelope } from "../envelope/Envelope.ts";
import { modelLabel } from "./modelLabel.ts";

function major(version: string): number {
  return Number(/^v?(\d+)/.exec(version)?.[1]);
}

/**
 * Whether this Node can serve the envelope: the same major version as the one it was saved on
 * (a model's code and state are only known to work there), and custom code to run whose hash is
 * intact. Returns that code; otherwise throws `ENVELOPE_NOT_SERVABLE` saying what to do. Pure but
 * for the hash. Whether the code exports `predict` is only known once it loads (in the worker).
 */
export function checkServable(envelope: Pick<SavedEnvelope, "name" | "version" | "context">, nodeVersion: string = process.version): CustomCode {
  const label = modelLabel(envelope);
  const saved = envelope.context.node;
  if (major(saved) !== major(nodeVersion)) {
    throw new EnvelopeError("ENVELOPE_NOT_SERVABLE", `cannot serve ${label}: it was saved on Node ${saved} (context.node) and this is Node ${nodeVersion}; expected the same major version (${major(saved)}): serve it with Node ${major(saved)}, or save it again from Node ${major(nodeVersion)}`);
  }
  const code = envelope.context.code;
  if (!code) {
    throw new EnvelopeError("ENVELOPE_NOT_SERVABLE", `cannot serve ${label}: it has no custom code (context.code); expected a module exporting predict(rows, state), saved with \`code: "./model.ts"\``);
  }
  try {
    verifyCustomCode(code);
  } catch (error) {
    throw new EnvelopeError("ENVELOPE_NOT_SERVABLE", `cannot serve ${label}: ${(error as Error).message}`, { cause: error });
  }
  return code;
}
