import { parseJsonNative } from "./fast/parseJsonNative.ts";
import { defaultJsonLimits, type JsonLimits } from "./JsonLimits.ts";
import { parseJsonStepwise } from "./parseJsonStepwise.ts";

export { defaultJsonLimits, type JsonLimits } from "./JsonLimits.ts";

/**
 * Parses a request body as JSON (RFC 8259: UTF-8, any value at the top), as `JSON.parse` would,
 * within `limits`: nesting deeper than `maxDepth` or an object wider than `maxMembers` is a 413
 * naming the limit and the place; malformed JSON or invalid UTF-8 is a 400 naming the byte; the
 * values at `raw` paths come back as their exact bytes (`RawJson`). A small body that is plainly
 * within the limits is parsed natively (`fast/parseJsonNative`); every other one, and every
 * refusal, goes through `parseJsonStepwise`, which yields to the event loop as it goes.
 */
export async function parseJson(body: Buffer, limits: JsonLimits = defaultJsonLimits): Promise<unknown> {
  const value = parseJsonNative(body, limits);
  return value === undefined ? parseJsonStepwise(body, limits) : value;
}
