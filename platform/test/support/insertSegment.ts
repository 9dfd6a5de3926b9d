import type { Queryable } from "../../src/store/Database.ts";

/** An event of a segment as a test writes it: success unless it has a code. */
export interface SegmentEvent {
  at: string;
  fn: string;
  code?: string;
  message?: string;
}

/**
 * Inserts one segment straight into `envelope_event_segments`, as `recordEvents` stores a
 * batch's events of one team, user and UTC second (`eventSegments.ts`, rules 1-3: times
 * normalized, the body in (at, place) order, null keys left out); its id. Tests of the readers
 * use it so that they do not depend on how the writer groups a batch.
 */
export async function insertSegment(db: Queryable, team: string | null, user: string | null, events: SegmentEvent[]): Promise<number> {
  const sorted = events.map((event) => ({ ...event, at: new Date(event.at).toISOString() })).sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const second = sorted[0]?.at.slice(0, 19);
  const stray = sorted.find((event) => event.at.slice(0, 19) !== second);
  if (second === undefined || stray) throw new Error(`insertSegment: a segment's events share one UTC second, got ${stray?.at ?? "no event"} beside ${second}`);
  const failures = sorted.filter((event) => event.code !== undefined);
  const body = sorted.map((event) => ({
    t: event.at,
    f: event.fn,
    a: [],
    s: event.code === undefined,
    ...(event.code === undefined ? {} : { c: "EnvelopeError", k: event.code }),
    ...(event.message === undefined ? {} : { m: event.message }),
    d: 1,
    v: "0.1.0",
  }));
  const [row] = await db.query<{ id: number }>(
    `INSERT INTO envelope_event_segments (first_at, last_at, team, user_name, events, failures, last_failure_at, body)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [sorted[0]!.at, sorted.at(-1)!.at, team, user, sorted.length, failures.length, failures.at(-1)?.at ?? null, JSON.stringify(body)],
  );
  return row!.id;
}

/** Adds `team`'s daily counts (`envelope_usage_days`) as counted from its segments, as `recordEvents` keeps them; run once per team. */
export async function countDays(db: Queryable, team: string): Promise<void> {
  await db.query(
    `INSERT INTO envelope_usage_days (day, team, user_name, fn, success, error_class, error_code, error_message, message_key, calls, last_at)
     SELECT (e.t AT TIME ZONE 'UTC')::date, s.team, s.user_name, e.f, e.s, e.c, e.k, e.m, md5(e.m), count(*), max(e.t)
     FROM envelope_event_segments s, ROWS FROM (json_to_recordset(s.body::json) AS (t timestamptz, f text, s boolean, c text, k text, m text)) AS e
     WHERE s.team = $1 GROUP BY 1, 2, 3, 4, 5, 6, 7, 8, 9`,
    [team],
  );
}
