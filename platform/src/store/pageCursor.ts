import { EnvelopeError } from "../errors/EnvelopeError.ts";

/**
 * The opaque `next` of the dashboard's pages: the values that say where a page ended (a sort
 * key, an offset or an id), as base64url JSON. A cursor names its list, so one list's `next`
 * is not taken for another's.
 */
export type CursorValue = string | number;

export function encodePageCursor(list: string, values: CursorValue[]): string {
  return Buffer.from(JSON.stringify([list, ...values])).toString("base64url");
}

/**
 * The values `text` encodes for `list`, or undefined when it is not a cursor `encodePageCursor`
 * made for that list with values of these kinds (`number`: a whole number of at least 0).
 */
export function decodePageCursor(text: string, list: string, kinds: ReadonlyArray<"string" | "number">): CursorValue[] | undefined {
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
  if (!Array.isArray(decoded) || decoded.length !== kinds.length + 1 || decoded[0] !== list) return undefined;
  const values = decoded.slice(1) as unknown[];
  const fits = kinds.every((kind, index) => (kind === "number" ? Number.isSafeInteger(values[index]) && (values[index] as number) >= 0 : typeof values[index] === "string"));
  return fits ? (values as CursorValue[]) : undefined;
}

/** The values of a page's `after`, or a 400 naming it when it is not this list's `next`. */
export function cursorValues(after: string, list: string, kinds: ReadonlyArray<"string" | "number">): CursorValue[] {
  const values = decodePageCursor(after, list, kinds);
  if (values) return values;
  throw new EnvelopeError("ENVELOPE_INVALID", `cursor ${JSON.stringify(after.slice(0, 80))} is not a cursor of ${list}; expected the \`next\` of an earlier page`, { status: 400, problems: [{ path: "query.cursor", expected: `the \`next\` of an earlier page of ${list}` }] });
}
