import { EnvelopeError } from "../errors/EnvelopeError.ts";

/**
 * How deep arrays and objects nest in UTF-8 JSON bytes, stopping once past `limit` (then it
 * returns limit + 1). Brackets inside strings do not count; the bytes are read as they are (in
 * UTF-8 no byte of a multi-byte character is ASCII), so nothing is decoded twice. Malformed JSON
 * gives some number; the parser says what is wrong with it.
 */
export function jsonDepth(bytes: Uint8Array, limit: number): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let index = 0; index < bytes.length; index++) {
    const byte = bytes[index];
    if (inString) {
      if (byte === 0x5c) index++; // a backslash: skip the escaped character
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth++;
      if (depth > deepest) deepest = depth;
      if (deepest > limit) return deepest;
    } else if (byte === 0x5d || byte === 0x7d) depth--;
  }
  return deepest;
}

/**
 * Parses a `POST /predict` body with `JSON.parse` (native, the fast path for large batches) once
 * its arrays and objects are known to nest at most `maxDepth` levels; deeper nesting is a 413
 * ENVELOPE_TOO_LARGE naming the limit, before anything walks the value (walking 5,000 levels
 * recursively overflows the stack: a 500). An empty or malformed body is a 400 quoting the parser.
 * The registry has a parser of its own (server/parseJson.ts) that also caps objects' widths and
 * yields to the event loop; this one stays synchronous and native for the serving hot path.
 */
export function parseBoundedJson(body: Buffer, maxDepth: number): unknown {
  if (jsonDepth(body, maxDepth) > maxDepth) {
    throw new EnvelopeError("ENVELOPE_TOO_LARGE", `request body nests arrays and objects more than ${maxDepth} levels deep; the limit is ${maxDepth} levels`, { details: { maxDepth } });
  }
  const text = body.toString("utf8");
  if (text.trim() === "") throw new EnvelopeError("ENVELOPE_MALFORMED_JSON", "request body is empty; expected a JSON document");
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new EnvelopeError("ENVELOPE_MALFORMED_JSON", `request body is not valid JSON: ${(error as Error).message}`, { cause: error });
  }
}
