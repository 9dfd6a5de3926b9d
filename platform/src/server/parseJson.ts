import { EnvelopeError } from "../errors/EnvelopeError.ts";

/** Parses a JSON request body; malformed JSON is a 400 that quotes the parser's complaint. */
export function parseJson(body: Buffer): unknown {
  const text = body.toString("utf8");
  if (text.trim() === "") throw new EnvelopeError("ENVELOPE_MALFORMED_JSON", "request body is empty; expected a JSON document");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EnvelopeError("ENVELOPE_MALFORMED_JSON", `request body is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}
