import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { Database, Queryable } from "./Database.ts";
import { decodeEventCursor, encodeEventCursor } from "./eventCursor.ts";
import { isoOfMicros, laterKey, microsOf, type EventKey } from "./eventKey.ts";
import { mergeSegments } from "./mergeSegments.ts";
import { eventsPerSegment } from "./eventSegments.ts";
import type { KeyedEvent, SegmentRow } from "./openSegment.ts";
import type { EventPage, EventQuery } from "./Store.ts";

interface SegmentRecord {
  id: number;
  /** `first_at` to the microsecond, UTC: the next chunk starts exactly after it */
  first_exact: string;
  team: string | null;
  user_name: string | null;
  events: number;
  body: string;
}

const exact = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
const columns = `id, ${exact("first_at")} AS first_exact, team, user_name, events, body`;

/**
 * Segments scanned per query at most: fewer queries for pages of small segments (each PGlite
 * query costs about half a millisecond whatever it does). Bodies come back only for the segments
 * the page opens and at most one more (the one whose lower bound ends the page).
 */
export const segmentChunk = 1024;

/** Straddling segments fetched per query: few straddle a start, and each may hold 16,384 events. */
const straddlerChunk = 16;

/**
 * The segments that start at or before the start key (`$1` time, `$2` segment id, `$3` event id)
 * and may still hold events after it: they start less than a second before it (rule 2) and end
 * after it. Bodies of the others are never fetched. `straddlerChunk` at a time, after (`$4` time,
 * `$5` id): a flood of them in one second costs time, not memory.
 */
const straddlers = (team: string) => `SELECT ${columns} FROM envelope_event_segments
  WHERE ${team} first_at > $1::timestamptz - interval '1 second' AND (first_at, id) <= ($1::timestamptz, $2::int8)
    AND (first_at, id) > ($4::timestamptz, $5::int8)
    AND (last_at > $1::timestamptz OR (last_at = $1::timestamptz AND id::int8 * ${eventsPerSegment} + events - 1 > $3::int8))
  ORDER BY first_at, id LIMIT ${straddlerChunk}`;

/**
 * The next segments after (`$1` time, `$2` id), `$3` headers at most, of which only the first and
 * those that will surely be opened come back with their bodies: those before which fewer than
 * `$4` events (those the page still wants) were read. The merge pulls a segment only while it
 * wants events, so the first is needed; and with fewer events read than wanted, the page cannot
 * end before the next segment is opened. Since a segment holds an event at least, `$3` need not
 * be more than `$4`.
 */
const following = (team: string) => `SELECT ${columns} FROM (
    SELECT id, first_at, team, user_name, events, body, sum(events) OVER (ORDER BY first_at, id ROWS UNBOUNDED PRECEDING) - events AS before
    FROM envelope_event_segments WHERE ${team} (first_at, id) > ($1::timestamptz, $2::int8)
    ORDER BY first_at, id LIMIT $3
  ) chunk WHERE before < $4::int8 ORDER BY first_at, id`;

const toSegment = (row: SegmentRecord): SegmentRow => ({ id: row.id, firstAt: microsOf(row.first_exact), team: row.team, user: row.user_name, body: row.body });

/**
 * The segments that may hold events after `start`, in (first time, id) order: those straddling
 * it, then the following ones a chunk at a time, fetched only as the merge pulls them.
 */
async function* segmentsAfter(tx: Queryable, start: EventKey, want: number, team: string | undefined): AsyncGenerator<SegmentRow> {
  const teamIs = (n: number) => (team === undefined ? "" : `team = $${n} AND`);
  const tail = team === undefined ? [] : [team];
  let at = isoOfMicros(start.at);
  let id = Math.floor(start.id / eventsPerSegment);
  let read = 0;
  for (let after = { at: isoOfMicros(start.at - 1_000_000), id: -1 }; ; ) {
    const rows = await tx.query<SegmentRecord>(straddlers(teamIs(6)), [at, id, start.id, after.at, after.id, ...tail]);
    for (const row of rows) {
      read += row.events;
      yield toSegment(row);
    }
    if (rows.length < straddlerChunk) break;
    after = { at: rows.at(-1)!.first_exact, id: rows.at(-1)!.id };
  }
  for (;;) {
    const need = Math.max(want - read, 1);
    const rows = await tx.query<SegmentRecord>(following(teamIs(5)), [at, id, Math.min(need, segmentChunk), need, ...tail]);
    if (rows.length === 0) return;
    for (const row of rows) {
      read += row.events;
      yield toSegment(row);
    }
    ({ first_exact: at, id } = rows.at(-1)!);
  }
}

/**
 * A page of usage events (`GET /v1/events`), oldest first by (time, id), read from the segments
 * a page needs: `limit` + 1 events at most (one more says there is a next page), the bodies of
 * the segments that hold them, and headers of the others.
 */
export async function readEventPage(db: Database, query: EventQuery): Promise<EventPage> {
  const since = microsOf(query.since);
  if (Number.isNaN(since)) throw new EnvelopeError("ENVELOPE_INVALID", `since ${JSON.stringify(query.since.slice(0, 80))} is not a time; expected an ISO time like 2030-01-31T00:00:00Z`);
  let start: EventKey = { at: since, id: -1 };
  if (query.after !== undefined) {
    const cursor = decodeEventCursor(query.after);
    if (!cursor) throw new EnvelopeError("ENVELOPE_INVALID", `after ${JSON.stringify(query.after.slice(0, 80))} is not a cursor; expected the \`next\` of an earlier page`);
    // a cursor before `since` starts at `since`: every event after the start key is then at or after it
    start = laterKey({ at: microsOf(cursor.at), id: cursor.id }, start);
  }
  const want = query.limit + 1;
  const page = await db.transaction(async (tx) => {
    // the (first_at, id) indexes give the order; without statistics (PGlite has no autovacuum)
    // the planner may sort every segment after the start instead
    await tx.query("SET LOCAL enable_sort = off");
    const events: KeyedEvent[] = [];
    for await (const event of mergeSegments(segmentsAfter(tx, start, want, query.team), start, want)) events.push(event);
    return events;
  });
  const events = page.slice(0, query.limit);
  const last = events.at(-1);
  return { events: events.map((entry) => entry.event), next: page.length > query.limit && last ? encodeEventCursor({ at: isoOfMicros(last.key.at), id: last.key.id }) : null };
}
