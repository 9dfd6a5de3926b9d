import type { UsageWindow } from "./DashboardStore.ts";
import type { Queryable } from "./Database.ts";
import { failuresComplete, newestFailures, readChunk, type ChunkRow, type FailureEvent, type SegmentKey } from "./newestFailures.ts";

/** the largest chunk of segments read at once: a user whose newest failures are all of other functions costs a round trip per this many */
const largestChunk = 1_000;

/**
 * One chunk: the user's next `size` segments with failures (the partial index on (user_name,
 * last_failure_at)), latest failure first and then highest id, after `after`, in the window's
 * team; each with its failures since the window's start of the window's function, or one row of
 * nulls when it has none, so that the chunk's segments are all counted.
 */
function chunkQuery(user: string, window: UsageWindow, after: SegmentKey | null, size: number): { sql: string; params: unknown[] } {
  const params: unknown[] = [window.since, user];
  let segments = "";
  if (window.team !== undefined) segments += ` AND team = $${params.push(window.team)}`;
  if (after !== null) {
    const at = `$${params.push(new Date(after.lastFailureAt).toISOString())}::timestamptz`;
    segments += ` AND last_failure_at <= ${at} AND (last_failure_at < ${at} OR id < $${params.push(after.id)})`;
  }
  const events = window.fn === undefined ? "" : ` AND e.f = $${params.push(window.fn)}`;
  const sql = `SELECT seg.id AS segment, seg.last_failure_at, e.t AS at, e.n::int AS n, e.f AS fn, e.k AS error_code, e.m AS error_message FROM (
      SELECT id, last_failure_at, body FROM envelope_event_segments
      WHERE user_name = $2 AND failures > 0 AND last_failure_at >= $1::timestamptz${segments}
      ORDER BY last_failure_at DESC, id DESC LIMIT $${params.push(size)}
    ) seg LEFT JOIN LATERAL (
      SELECT * FROM ROWS FROM (json_to_recordset(seg.body::json) AS (t timestamptz, f text, s boolean, k text, m text)) WITH ORDINALITY AS e(t, f, s, k, m, n)
      WHERE NOT e.s AND e.t >= $1::timestamptz${events}
    ) e ON true`;
  return { sql, params };
}

const ms = (value: Date | string) => new Date(value).getTime();

/**
 * A user's newest `limit` failures since the window's start, in its team and of its function
 * when it names them, newest first by (at, id). Reads the user's segments with failures in
 * chunks, latest failure first, until no segment left can hold a newer failure than the
 * `limit`th found (`failuresComplete`). Without a function the first chunk of `limit` segments
 * settles it (each holds a failure at its latest failure's time); with one, the newest segments
 * may hold failures of other functions only, and chunks double up to `largestChunk`.
 */
export async function recentFailures(db: Queryable, user: string, window: UsageWindow, limit = 20): Promise<FailureEvent[]> {
  let found: FailureEvent[] = [];
  let after: SegmentKey | null = null;
  for (let size = limit; ; size = Math.min(size * 2, largestChunk)) {
    const query = chunkQuery(user, window, after, size);
    const rows = await db.query<{ segment: number; last_failure_at: Date | string; at: Date | string | null; n: number | null; fn: string | null; error_code: string | null; error_message: string | null }>(query.sql, query.params);
    const chunk = readChunk(
      rows.map((row): ChunkRow => ({ segment: row.segment, lastFailureAt: ms(row.last_failure_at), at: row.at === null ? null : ms(row.at), n: row.n, fn: row.fn, errorCode: row.error_code, message: row.error_message })),
    );
    found = newestFailures([...found, ...chunk.failures], limit);
    if (chunk.segments < size || chunk.last === null || failuresComplete(found, limit, chunk.last)) return found;
    after = chunk.last;
  }
}
