import type { Field } from "../envelope/Envelope.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { checkRows } from "./checkRows.ts";

/**
 * Holds what a model's `predict` returned to the model's output fields: an array with one
 * prediction per row, each fitting the outputs; otherwise ENVELOPE_MODEL_FAILED naming `label`
 * (and `where`, e.g. a batch's file and rows) with the first 20 problems. A model answering off
 * its shape is never passed on, online (`/predict`) or in a batch. Pure.
 */
export function checkPredictions(predictions: unknown, rowCount: number, outputs: readonly Field[], label: string): Record<string, unknown>[] {
  if (!Array.isArray(predictions) || predictions.length !== rowCount) {
    throw new EnvelopeError("ENVELOPE_MODEL_FAILED", `${label}: predict returned ${Array.isArray(predictions) ? `${predictions.length} predictions for ${rowCount} rows` : typeof predictions}; expected an array with one prediction per row`);
  }
  const problems = checkRows(predictions, outputs, "predictions", 20);
  if (problems.length > 0) throw new EnvelopeError("ENVELOPE_MODEL_FAILED", `${label}: predict returned predictions that do not fit the model's output fields`, { problems });
  return predictions as Record<string, unknown>[];
}
