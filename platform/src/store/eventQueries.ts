import type { UsageEvent } from "../tracking/UsageEvent.ts";
import type { Database } from "./Database.ts";
import { batchUsageGroups } from "./batchUsageGroups.ts";
import { copyText } from "./copyText.ts";
import { eventSegments, eventsPerSegment, type EventSegment } from "./eventSegments.ts";
import { readEventPage } from "./readEventPage.ts";
import type { EventPage, EventQuery } from "./Store.ts";
import { firstCallsUpsert, jsonbLiteral, usageDaysUpsert } from "./usageUpserts.ts";

/** `envelope_event_segments`' columns that a recorded segment fills, in the order of `segmentRow` */
const segmentColumns = ["first_at", "last_at", "team", "user_name", "events", "failures", "last_failure_at", "body"] as const;

/** a segment as the array of its values in `segmentColumns`' order */
const segmentRow = (segment: EventSegment): [string, string, string | null, string | null, number, number, string | null, string] =>
  [segment.firstAt, segment.lastAt, segment.team, segment.user, segment.events, segment.failures, segment.lastFailureAt, segment.body];

/**
 * PostgreSQL: the batch's segments, first calls and daily counts in one statement, so that a
 * batch whose first calls cannot be kept leaves nothing. Concurrent registries may take ids
 * from the sequence in between: each segment takes its own first (a CTE with nextval is
 * evaluated once), and a first call's id is its segment's id * 16384 plus its place, from its
 * key `k` (`eventSegments`).
 */
const insertSegments = `WITH segments AS (
    SELECT nextval(pg_get_serial_sequence('envelope_event_segments', 'id')::regclass) AS id, segment, i
    FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS batch(segment, i)
  ), inserted AS (
    INSERT INTO envelope_event_segments (id, ${segmentColumns.join(", ")})
    SELECT id, (segment->>0)::timestamptz, (segment->>1)::timestamptz, segment->>2, segment->>3, (segment->>4)::integer, (segment->>5)::integer, (segment->>6)::timestamptz, segment->>7
    FROM segments ORDER BY i
  ), first_calls AS (
    ${firstCallsUpsert("$2::jsonb", `(SELECT id FROM segments WHERE i = k / ${eventsPerSegment} + 1) * ${eventsPerSegment} + k % ${eventsPerSegment}`)}
  )
  ${usageDaysUpsert("$3::jsonb")}`;

/** PGlite: the first segment's id times 16384 after COPY, which takes the segments' ids from the sequence one after the other */
const copiedIdBase = (segments: number) => `(currval(pg_get_serial_sequence('envelope_event_segments', 'id')) - ${segments - 1}) * ${eventsPerSegment}`;

/** The store's usage events: recorded a batch at a time, read in pages by (at, id). */
export function eventQueries(db: Database) {
  return {
    async recordEvents(events: UsageEvent[]): Promise<void> {
      if (events.length === 0) return;
      // this is most of what a recorded event costs the registry (npm run bench:ingest): a few
      // rows a batch (one per team, user and second), and the first calls and daily counts as
      // the batch's few groups, summed up here rather than by the database
      const batch = eventSegments(events);
      const groups = batchUsageGroups(batch.events, { ranks: batch.keys });
      const copied = db.copyThen ? copyText(batch.segments.map(segmentRow)) : undefined;
      if (db.copyThen && copied !== undefined) {
        // COPY and both upserts in one round trip and one transaction; nothing else writes in
        // between (one connection), so the batch's segments have the sequence's last ids
        const add = `SELECT envelope_usage_add(${jsonbLiteral(groups.firstCalls)}, ${jsonbLiteral(groups.days)}, ${copiedIdBase(batch.segments.length)})`;
        await db.copyThen("envelope_event_segments", segmentColumns, copied, add);
        return;
      }
      await db.query(insertSegments, [JSON.stringify(batch.segments.map(segmentRow)), JSON.stringify(groups.firstCalls), JSON.stringify(groups.days)]);
    },

    readEvents(query: EventQuery): Promise<EventPage> {
      return readEventPage(db, query);
    },
  };
}
