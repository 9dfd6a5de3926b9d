import { beforeAll, expect, test } from "vitest";
import type { Database, Queryable } from "../../src/store/Database.ts";
import { createSqlStore } from "../../src/store/createSqlStore.ts";
import { decodeEventCursor, encodeEventCursor } from "../../src/store/eventCursor.ts";
import { readEventPage } from "../../src/store/readEventPage.ts";
import type { EventQuery, Store } from "../../src/store/Store.ts";
import { eachDatabase } from "../support/eachDatabase.ts";
import { segmentBody, seededRandom, type BodyEventInput } from "../support/segmentRows.ts";

// pages of usage events read from segments written here with INSERT (`eventSegments.ts`, rules 1-4),
// checked against every event of the table sorted the slow way; each test has its own team or
// its own time, the big one the latest, so that reads without a team stay predictable
interface NewSegment {
  team: string | null;
  user: string | null;
  events: BodyEventInput[];
}

async function insertSegments(db: Queryable, segments: NewSegment[]): Promise<void> {
  const rows = segments.map(({ team, user, events }) => {
    const times = events.map((event) => event.t).sort();
    const failed = events.filter((event) => event.s === false).map((event) => event.t).sort();
    return { first_at: times[0], last_at: times.at(-1), team, user_name: user, events: events.length, failures: failed.length, last_failure_at: failed.at(-1) ?? null, body: segmentBody(events) };
  });
  await db.query(
    `INSERT INTO envelope_event_segments (first_at, last_at, team, user_name, events, failures, last_failure_at, body)
     SELECT first_at, last_at, team, user_name, events, failures, last_failure_at, body FROM json_to_recordset($1::json)
       AS r(first_at timestamptz, last_at timestamptz, team text, user_name text, events int, failures int, last_failure_at timestamptz, body text)`,
    [JSON.stringify(rows)],
  );
}

/** what a page holds of an event, to compare with the table */
const seen = (event: { at: string; fn: string; team: string | null }) => `${event.at} ${event.fn} ${event.team}`;

/** every event of the table at or after `since` (of `team`), sorted by (time, id) from the bodies */
async function everyEvent(db: Queryable, since: string, team?: string): Promise<string[]> {
  const rows = await db.query<{ id: number; team: string | null; body: string }>("SELECT id, team, body FROM envelope_event_segments");
  const events = rows.flatMap((row) => (JSON.parse(row.body) as Array<{ t: string; f: string }>).map((event, n) => ({ at: event.t, fn: event.f, team: row.team, id: row.id * 16384 + n })));
  return events
    .filter((event) => event.at >= since && (team === undefined || event.team === team))
    .sort((a, b) => a.at.localeCompare(b.at) || a.id - b.id)
    .map(seen);
}

/** follows `next` from the first page: every event read, and the pages */
async function readAll(read: (query: EventQuery) => Promise<{ events: Array<{ at: string; fn: string; team: string | null }>; next: string | null }>, query: Omit<EventQuery, "after">) {
  const events: string[] = [];
  let after: string | undefined;
  let pages = 0;
  do {
    const page = await read({ ...query, ...(after === undefined ? {} : { after }) });
    expect(page.events.length).toBeLessThanOrEqual(query.limit);
    events.push(...page.events.map(seen));
    after = page.next ?? undefined;
    pages++;
  } while (after !== undefined && pages < 100_000);
  return { events, pages };
}

/** `db` that counts the segment bodies its queries bring back */
function countingBodies(db: Database): { db: Database; bodies: () => number } {
  let bodies = 0;
  const counted = (queryable: Queryable): Queryable => ({
    query: async <Row>(sql: string, params?: unknown[]) => {
      const rows = await queryable.query<Row>(sql, params);
      bodies += rows.filter((row) => typeof row === "object" && row !== null && "body" in row).length;
      return rows;
    },
  });
  return { db: { ...db, ...counted(db), transaction: (work) => db.transaction((tx) => work(counted(tx))) }, bodies: () => bodies };
}

/** batches of services recording in the same seconds, split as recording does: per team, user and UTC second */
function overlappingBatches(events: number, base: string, seed: number): NewSegment[] {
  const random = seededRandom(seed);
  const start = Date.parse(base);
  const segments = new Map<string, NewSegment>();
  let n = 0;
  for (let batch = 0; n < events; batch++) {
    const [team, user] = [`team${Math.floor(random() * 3)}`, `user${Math.floor(random() * 2)}`];
    const from = start + Math.floor(random() * 20_000);
    for (let size = 1 + Math.floor(random() * 40); size > 0 && n < events; size--, n++) {
      const at = new Date(from + Math.floor(random() * 3000)).toISOString();
      const key = `${batch} ${team} ${user} ${at.slice(0, 19)}`;
      const segment = segments.get(key) ?? segments.set(key, { team, user, events: [] }).get(key)!;
      segment.events.push({ t: at, f: `e${n}` });
    }
  }
  return [...segments.values()];
}

await eachDatabase("readEventPage", (database) => {
  let db: Database | undefined;
  let store: Store;
  beforeAll(() => {
    db = database();
    if (db) store = createSqlStore(db);
  });

  test("following `next` with limits 1, 3 and 1000 over 2,000 events in many overlapping segments reads each event once, by (time, id); so does a team's", async (context) => {
    if (!db) return context.skip();
    const segments = overlappingBatches(2000, "2040-01-01T00:00:00.000Z", 5);
    await insertSegments(db, segments);
    expect(segments.length).toBeGreaterThan(200);
    const since = "2040-01-01T00:00:05.000Z";
    const all = await everyEvent(db, since);
    expect(all.length).toBeGreaterThan(1000);
    for (const limit of [1, 3, 1000]) {
      const { events, pages } = await readAll((query) => store.readEvents(query), { since, limit });
      expect(events).toEqual(all);
      // one event more than a page is read to know whether there is a next one: no empty last page
      expect(pages).toBe(Math.ceil(all.length / limit));
    }
    const team1 = await everyEvent(db, since, "team1");
    expect((await readAll((query) => readEventPage(db!, query), { since, limit: 7, team: "team1" })).events).toEqual(team1);
    expect((await readAll((query) => readEventPage(db!, query), { since, limit: 1000, team: "team1" })).events).toEqual(team1);
  }, 120_000);

  test("a flood of 500 segments at one instant, the cursor in the middle: a page fetches the bodies of a few of them", async (context) => {
    if (!db) return context.skip();
    const at = "2035-01-01T00:00:00.000Z";
    const team = `flood-${db.kind}`;
    await insertSegments(db, Array.from({ length: 500 }, (_, index) => ({ team, user: "ada", events: ["a", "b", "c"].map((letter) => ({ t: at, f: `${index}${letter}` })) })));
    const [middle] = await db.query<{ id: number }>("SELECT id FROM envelope_event_segments WHERE team = $1 ORDER BY id OFFSET 250 LIMIT 1", [team]);
    // the cursor after the middle segment's second event
    const after = encodeEventCursor({ at: "2035-01-01T00:00:00.000000Z", id: middle!.id * 16384 + 1 });
    for (const query of [{ since: at, limit: 3, after }, { since: at, limit: 3, after, team }]) {
      const counting = countingBodies(db);
      const page = await readEventPage(counting.db, query);
      expect(page.events.map((event) => event.fn)).toEqual(["250c", "251a", "251b"]);
      expect(decodeEventCursor(page.next!)).toEqual({ at: "2035-01-01T00:00:00.000000Z", id: (middle!.id + 1) * 16384 + 1 });
      expect(counting.bodies()).toBeLessThanOrEqual(3);
    }
    const counting = countingBodies(db);
    const page = await readEventPage(counting.db, { since: at, limit: 300, after, team });
    expect(page.events).toHaveLength(300);
    // 300 events are 100 segments, and one wanted event more
    expect(counting.bodies()).toBeLessThanOrEqual(103);
  }, 60_000);

  test("an event comes back as recorded: nulls for keys left out, user and team from its segment, time in milliseconds", async (context) => {
    if (!db) return context.skip();
    const team = `fields-${db.kind}`;
    await insertSegments(db, [{ team, user: null, events: [{ t: "2031-01-01T00:00:00.250Z", f: "get", a: [{ name: "x" }], s: false, c: "EnvelopeError", k: "ENVELOPE_NOT_FOUND", m: "no «x»\n", d: 0.125, v: "0.2.0", o: "x" }, { t: "2031-01-01T00:00:00.250Z", f: "whoami" }] }]);
    expect(await store.readEvents({ since: "2031-01-01T00:00:00.000Z", limit: 10, team })).toEqual({
      events: [
        { at: "2031-01-01T00:00:00.250Z", fn: "get", args: [{ name: "x" }], success: false, errorClass: "EnvelopeError", errorCode: "ENVELOPE_NOT_FOUND", errorMessage: "no «x»\n", durationMs: 0.125, user: null, team, clientVersion: "0.2.0", model: "x" },
        { at: "2031-01-01T00:00:00.250Z", fn: "whoami", args: null, success: true, errorClass: null, errorCode: null, errorMessage: null, durationMs: 1, user: null, team, clientVersion: "0.1.0", model: null },
      ],
      next: null,
    });
  });

  test("more segments straddle the start than one query fetches (40): each is read, a chunk at a time, and the page is every later event in order", async (context) => {
    if (!db) return context.skip();
    const team = `straddled-${db.kind}`;
    // each segment holds an event before the start (.100 + i ms) and one after it (.900 - i ms)
    const segments = Array.from({ length: 40 }, (_, i) => ({ team, user: "ada", events: [{ t: `2034-01-01T00:00:00.${String(100 + i).padStart(3, "0")}Z`, f: `before${i}` }, { t: `2034-01-01T00:00:00.${900 - i}Z`, f: `after${i}` }] }));
    await insertSegments(db, segments);
    const counting = countingBodies(db);
    const page = await readEventPage(counting.db, { since: "2034-01-01T00:00:00.500Z", limit: 100, team });
    expect(page.events.map((event) => event.fn)).toEqual(Array.from({ length: 40 }, (_, i) => `after${39 - i}`));
    expect(page.next).toBeNull();
    expect(counting.bodies()).toBe(40);
  });

  test("`since` and a cursor compare to the microsecond: an event at .250 is after a cursor at .249999 and not after one at .250001", async (context) => {
    if (!db) return context.skip();
    const team = `micros-${db.kind}`;
    await insertSegments(db, [{ team, user: "ada", events: [{ t: "2032-01-01T00:00:00.250Z", f: "on" }, { t: "2032-01-01T00:00:00.750Z", f: "later" }] }]);
    const read = async (query: Omit<EventQuery, "team" | "limit">) => (await store.readEvents({ ...query, team, limit: 10 })).events.map((event) => event.fn);
    expect(await read({ since: "2032-01-01T00:00:00.250Z" })).toEqual(["on", "later"]);
    expect(await read({ since: "2032-01-01T00:00:00.250001Z" })).toEqual(["later"]);
    // an old cursor (a row id of envelope_events) still decodes and pages from its time
    expect(await read({ since: "2032-01-01T00:00:00.000Z", after: encodeEventCursor({ at: "2032-01-01T00:00:00.249999Z", id: 4_000_000_000 }) })).toEqual(["on", "later"]);
    expect(await read({ since: "2032-01-01T00:00:00.000Z", after: encodeEventCursor({ at: "2032-01-01T00:00:00.250001Z", id: 0 }) })).toEqual(["later"]);
    // a cursor before `since` starts at `since`
    expect(await read({ since: "2032-01-01T00:00:00.500Z", after: encodeEventCursor({ at: "2032-01-01T00:00:00.000000Z", id: 0 }) })).toEqual(["later"]);
  });

  test("recorded through the store (batches of several users over a few seconds), events page back as recorded, in (time, batch order)", async (context) => {
    if (!db) return context.skip();
    const team = `recorded-${db.kind}`;
    const random = seededRandom(3);
    const batches = Array.from({ length: 5 }, (_, batch) =>
      Array.from({ length: 100 }, (_, n) => ({
        // ties only among one user's events: of two users' at one time, the order is the segments'
        at: new Date(Date.parse("2033-01-01T00:00:00.000Z") + Math.floor(random() * 2000) * 2 + (n % 2)).toISOString(),
        fn: `b${batch}e${n}`, args: n % 3 === 0 ? null : [{ n }], success: n % 7 !== 0, errorClass: null, errorCode: n % 7 === 0 ? "ENVELOPE_NOT_FOUND" : null, errorMessage: null,
        durationMs: n / 4, user: n % 2 === 0 ? "ada" : null, team, clientVersion: "0.1.0", model: n % 5 === 0 ? "churn" : null,
      })),
    );
    for (const batch of batches) await store.recordEvents(batch);
    // a stable sort keeps a batch's order among a user's events of one time, and earlier batches first
    const expected = batches.flat().sort((a, b) => a.at.localeCompare(b.at));
    for (const limit of [1, 37]) {
      const events: unknown[] = [];
      let after: string | undefined;
      do {
        const page = await store.readEvents({ since: "2033-01-01T00:00:00.000Z", team, limit, ...(after === undefined ? {} : { after }) });
        events.push(...page.events);
        after = page.next ?? undefined;
      } while (after !== undefined && events.length <= 1000);
      expect(events).toEqual(expected);
    }
  }, 60_000);

  test("a bad `after` or `since` is an EnvelopeError naming it; nothing recorded is an empty last page", async (context) => {
    if (!db) return context.skip();
    await expect(store.readEvents({ since: "2030-01-01T00:00:00.000Z", limit: 10, after: "nonsense" })).rejects.toMatchObject({ code: "ENVELOPE_INVALID", message: expect.stringMatching(/after "nonsense" is not a cursor/) });
    await expect(store.readEvents({ since: "yesterday", limit: 10 })).rejects.toMatchObject({ code: "ENVELOPE_INVALID", message: expect.stringMatching(/since "yesterday" is not a time/) });
    expect(await store.readEvents({ since: "2030-01-01T00:00:00.000Z", limit: 10, team: `nobody-${db.kind}` })).toEqual({ events: [], next: null });
  });
});
