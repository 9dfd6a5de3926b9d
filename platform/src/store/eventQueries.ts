import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { UsageEvent } from "../tracking/UsageEvent.ts";
import type { Database } from "./Database.ts";
import { batchUsageGroups } from "./batchUsageGroups.ts";
import { copyText } from "./copyText.ts";
import { decodeEventCursor, encodeEventCursor } from "./eventCursor.ts";
import type { EventPage, EventQuery } from "./Store.ts";
import { jsonbLiteral, keepEarlierFirstCall, usageDaysUpsert } from "./usageUpserts.ts";

interface EventRow {
  id: number;
  at: Date | string;
  /** `at` to the microsecond, in UTC: the cursor must say exactly where a page ended */
  at_exact: string;
  user_name: string | null;
  team: string | null;
  fn: string;
  args: unknown;
  success: boolean;
  error_class: string | null;
  error_code: string | null;
  error_message: string | null;
  duration_ms: number;
  client_version: string;
  model: string | null;
}

function toEvent(row: EventRow): UsageEvent {
  return {
    at: new Date(row.at).toISOString(),
    fn: row.fn,
    args: row.args,
    success: row.success,
    errorClass: row.error_class,
    errorCode: row.error_code,
    errorMessage: row.error_message,
    durationMs: row.duration_ms,
    user: row.user_name,
    team: row.team,
    clientVersion: row.client_version,
    model: row.model,
  };
}

/** `envelope_events`' columns that a recorded event fills, in the order of `eventRow` */
const eventColumns = ["at", "user_name", "team", "fn", "args", "success", "error_class", "error_code", "error_message", "duration_ms", "client_version", "model"] as const;

/** an event as the array of its values in `eventColumns`' order */
function eventRow(event: UsageEvent): [string, string | null, string | null, string, unknown, boolean, string | null, string | null, string | null, number, string, string | null] {
  return [event.at, event.user, event.team, event.fn, event.args ?? null, event.success, event.errorClass, event.errorCode, event.errorMessage, event.durationMs, event.clientVersion, event.model];
}

/** an event as a row for COPY: `args` as JSON text */
function copyRow(event: UsageEvent): Array<string | number | boolean | null> {
  const row: Array<unknown> = eventRow(event);
  row[4] = JSON.stringify(row[4]);
  return row as Array<string | number | boolean | null>;
}

/**
 * The batch, its first calls and its daily counts in one statement: the events as a jsonb array
 * of rows read by position (cheaper than by key), numbered in the batch's order; each user's
 * first call per team and function from the inserted rows, which have their ids, moved earlier
 * when the batch has an earlier one; the daily counts from the batch's groups.
 */
const insertEvents = `WITH inserted AS (
    INSERT INTO envelope_events (${eventColumns.join(", ")})
    SELECT (e->>0)::timestamptz, e->>1, e->>2, e->>3, e->4, (e->>5)::boolean, e->>6, e->>7, e->>8, (e->>9)::double precision, e->>10, e->>11
    FROM jsonb_array_elements($1::jsonb) WITH ORDINALITY AS batch(e, n) ORDER BY n
    RETURNING id, at, user_name, team, fn
  ), first_calls AS (
    INSERT INTO envelope_first_calls (user_name, team, fn, first_at, first_id)
    SELECT DISTINCT ON (user_name, coalesce(team, ''), fn) user_name, coalesce(team, ''), fn, at, id FROM inserted
    WHERE user_name IS NOT NULL ORDER BY user_name, coalesce(team, ''), fn, at, id
    ${keepEarlierFirstCall}
  )
  ${usageDaysUpsert("$2::jsonb")}`;

/** The store's usage events: recorded a batch at a time, read in pages by (at, id). */
export function eventQueries(db: Database) {
  return {
    async recordEvents(events: UsageEvent[]): Promise<void> {
      if (events.length === 0) return;
      // this is most of what a recorded event costs the registry (npm run bench:ingest). The
      // first calls and daily counts go as the batch's few groups, summed up here, rather than
      // grouped from every inserted row by the database
      const copied = db.copyThen ? copyText(events.map(copyRow)) : undefined;
      if (db.copyThen && copied !== undefined) {
        // PGlite: COPY and the two upserts in one round trip. COPY takes the ids from the
        // sequence in the rows' order, and nothing else writes in between (one connection):
        // the batch's events are the last `events.length` ids
        const groups = batchUsageGroups(events);
        const idBase = `currval(pg_get_serial_sequence('envelope_events', 'id')) - ${events.length - 1}`;
        await db.copyThen("envelope_events", eventColumns, copied, `SELECT envelope_usage_add(${jsonbLiteral(groups.firstCalls)}, ${jsonbLiteral(groups.days)}, ${idBase})`);
        return;
      }
      const { days } = batchUsageGroups(events, { firstCalls: false });
      await db.query(insertEvents, [JSON.stringify(events.map(eventRow)), JSON.stringify(days)]);
    },

    async readEvents(query: EventQuery): Promise<EventPage> {
      const params: unknown[] = [query.since, query.limit + 1];
      let where = "at >= $1";
      if (query.team !== undefined) where += ` AND team = $${params.push(query.team)}`;
      if (query.after !== undefined) {
        const cursor = decodeEventCursor(query.after);
        if (!cursor) throw new EnvelopeError("ENVELOPE_INVALID", `after ${JSON.stringify(query.after.slice(0, 80))} is not a cursor; expected the \`next\` of an earlier page`);
        where += ` AND (at, id) > ($${params.push(cursor.at)}::timestamptz, $${params.push(cursor.id)})`;
      }
      // the (at, id) index gives the order: a page reads `limit` rows of it. Without statistics
      // (PGlite has no autovacuum to gather them) the planner may sort every event after the
      // cursor instead, once per page (a full read of 116,674 events: 15 s instead of 4)
      const rows = await db.transaction(async (tx) => {
        await tx.query("SET LOCAL enable_sort = off");
        return tx.query<EventRow>(`SELECT *, to_char(at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') AS at_exact FROM envelope_events WHERE ${where} ORDER BY at, id LIMIT $2`, params);
      });
      // one row more than asked says whether there is a next page
      const page = rows.slice(0, query.limit);
      return { events: page.map(toEvent), next: rows.length > query.limit ? encodeEventCursor({ at: page.at(-1)!.at_exact, id: page.at(-1)!.id }) : null };
    },
  };
}
