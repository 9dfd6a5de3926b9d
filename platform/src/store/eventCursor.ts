/**
 * Where a page of usage events ended, as the `next` a caller passes back as `after`: the last
 * event's time to the microsecond (the database's precision, so that no event is skipped or seen
 * twice) and its id, which orders events of the same time. Opaque to callers: base64url.
 */
export interface EventCursor {
  /** ISO time with six decimals, UTC */
  at: string;
  id: number;
}

// ids were row ids (up to 10 digits); an event's id is now its segment's id * 16384 + its place
// in the segment (up to about 2^45): 16 digits keep every id below 2^53, exact as a number.
// Cursors made before still decode
const cursorText = /^(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z)\|(\d{1,16})$/;

export function encodeEventCursor(cursor: EventCursor): string {
  return Buffer.from(`${cursor.at}|${cursor.id}`).toString("base64url");
}

/** The cursor `text` encodes, or undefined when it is not one `encodeEventCursor` made. */
export function decodeEventCursor(text: string): EventCursor | undefined {
  const match = cursorText.exec(Buffer.from(text, "base64url").toString("utf8"));
  return match ? { at: match[1]!, id: Number(match[2]) } : undefined;
}
