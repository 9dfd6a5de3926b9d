import { describe, expect, test } from "vitest";
import { compareEventKeys, isoOfMicros, microsOf, type EventKey } from "../../src/store/eventKey.ts";
import { mergeSegments } from "../../src/store/mergeSegments.ts";
import { eventsPerSegment as segmentCapacity } from "../../src/store/eventSegments.ts";
import { openSegment, type KeyedEvent, type SegmentRow } from "../../src/store/openSegment.ts";
import { segmentRow, seededRandom } from "../support/segmentRows.ts";

const first: EventKey = { at: microsOf("2030-01-01T00:00:00.000Z"), id: -1 };

async function merged(segments: Iterable<SegmentRow>, after: EventKey, want: number): Promise<KeyedEvent[]> {
  const events: KeyedEvent[] = [];
  for await (const event of mergeSegments(segments, after, want)) events.push(event);
  return events;
}

/** every event of `segments` after `after`, sorted: what the merge must give, found the slow way */
function expected(segments: SegmentRow[], after: EventKey): string[] {
  const all = segments.flatMap((segment) => (JSON.parse(segment.body) as Array<{ t: string; f: string }>).map((event, n) => ({ key: { at: microsOf(event.t), id: segment.id * segmentCapacity + n }, fn: event.f })));
  return all.filter((event) => compareEventKeys(event.key, after) > 0).sort((a, b) => compareEventKeys(a.key, b.key)).map((event) => event.fn);
}

/** the segments the store's queries hand the merge for a start key: those straddling it, then the later ones, in (first time, id) order */
function segmentsFrom(segments: SegmentRow[], start: EventKey): SegmentRow[] {
  const startSegment = Math.floor(start.id / segmentCapacity);
  const order = (a: SegmentRow, b: SegmentRow) => a.firstAt - b.firstAt || a.id - b.id;
  return segments
    .filter((segment) => {
      const later = segment.firstAt > start.at || (segment.firstAt === start.at && segment.id > startSegment);
      // the SQL checks last_at; here every event is looked at, which says the same
      const straddles = !later && segment.firstAt > start.at - 1_000_000 && openSegment(segment, start).length > 0;
      return later || straddles;
    })
    .sort(order);
}

/** follows pages of `limit` as the store does: every fn read, in order */
async function pages(segments: SegmentRow[], start: EventKey, limit: number): Promise<string[]> {
  const fns: string[] = [];
  let after = start;
  for (let page = 0; page < 10_000; page++) {
    const events = await merged(segmentsFrom(segments, after), after, limit + 1);
    fns.push(...events.slice(0, limit).map((entry) => entry.event.fn));
    if (events.length <= limit) return fns;
    after = events[limit - 1]!.key;
  }
  throw new Error("pages: still a next page after 10,000");
}

/** two services recording batches in the same seconds: many segments overlapping in time */
function overlapping(count: number, seed: number): SegmentRow[] {
  const random = seededRandom(seed);
  const base = Date.parse("2030-01-01T00:00:00.000Z");
  const segments: SegmentRow[] = [];
  for (let id = 1; id <= count; id++) {
    const second = base + Math.floor(random() * 5) * 1000;
    const events = Array.from({ length: 1 + Math.floor(random() * 8) }, (_, n) => ({ t: new Date(second + Math.floor(random() * 4) * 250).toISOString(), f: `s${id}e${n}` }));
    segments.push(segmentRow(id, events, id % 2 === 0 ? "churn" : "fraud"));
  }
  return segments.sort((a, b) => a.firstAt - b.firstAt || a.id - b.id);
}

describe("mergeSegments", () => {
  test("overlapping segments of two services in the same seconds come out in (time, id) order, each event once", async () => {
    const segments = overlapping(60, 7);
    const events = await merged(segments, first, 10_000);
    expect(events.map((entry) => entry.event.fn)).toEqual(expected(segments, first));
    expect(new Set(events.map((entry) => entry.key.id)).size).toBe(events.length);
  });

  test("events of the same time are ordered by id: the lower segment first, then the place in the body", async () => {
    const at = "2030-01-01T00:00:01.500Z";
    const segments = [segmentRow(3, [{ t: at, f: "a0" }, { t: at, f: "a1" }]), segmentRow(4, [{ t: "2030-01-01T00:00:01.000Z", f: "b0" }, { t: at, f: "b1" }])].sort((a, b) => a.firstAt - b.firstAt);
    expect((await merged(segments, first, 10)).map((entry) => [entry.event.fn, entry.key.id])).toEqual([
      ["b0", 4 * segmentCapacity],
      ["a0", 3 * segmentCapacity],
      ["a1", 3 * segmentCapacity + 1],
      ["b1", 4 * segmentCapacity + 1],
    ]);
  });

  test("a segment straddling the cursor gives only its events after it, merged with the later segments'", async () => {
    const straddling = segmentRow(5, [{ t: "2030-01-01T00:00:00.100Z", f: "x0" }, { t: "2030-01-01T00:00:00.200Z", f: "x1" }, { t: "2030-01-01T00:00:00.900Z", f: "x2" }]);
    const later = segmentRow(6, [{ t: "2030-01-01T00:00:00.300Z", f: "y0" }, { t: "2030-01-01T00:00:01.000Z", f: "y1" }]);
    const cursor = { at: microsOf("2030-01-01T00:00:00.200Z"), id: 5 * segmentCapacity + 1 };
    expect(segmentsFrom([straddling, later], cursor).map((segment) => segment.id)).toEqual([5, 6]);
    expect((await merged([straddling, later], cursor, 10)).map((entry) => entry.event.fn)).toEqual(["y0", "x2", "y1"]);
    // a cursor's microseconds count: 0.200500 is after x1's 0.200 whatever the id
    expect((await merged([straddling, later], { at: microsOf("2030-01-01T00:00:00.200500Z"), id: 0 }, 10)).map((entry) => entry.event.fn)).toEqual(["y0", "x2", "y1"]);
  });

  test.each([1, 2, 7, 1000])("pages of %i following the last key read every event exactly once, in (time, id) order", async (limit) => {
    const segments = overlapping(40, 11);
    expect(await pages(segments, first, limit)).toEqual(expected(segments, first));
  });

  test("nothing after the start: an empty page", async () => {
    expect(await merged([], first, 10)).toEqual([]);
    const segments = overlapping(5, 3);
    const last = (await merged(segments, first, 1000)).at(-1)!.key;
    expect(await merged(segmentsFrom(segments, last), last, 10)).toEqual([]);
  });

  test("`since` in the middle of a segment: its earlier events are left out", async () => {
    const segment = segmentRow(8, [{ t: "2030-01-01T00:00:00.100Z", f: "early" }, { t: "2030-01-01T00:00:00.500Z", f: "on" }, { t: "2030-01-01T00:00:00.700Z", f: "late" }]);
    const since = { at: microsOf("2030-01-01T00:00:00.500Z"), id: -1 };
    expect((await merged(segmentsFrom([segment], since), since, 10)).map((entry) => entry.event.fn)).toEqual(["on", "late"]);
  });

  test("a flood of segments at one instant: a page of 3 pulls two segments and opens one", async () => {
    const at = "2030-01-01T00:00:00.000Z";
    const flood = Array.from({ length: 500 }, (_, index) => segmentRow(index + 1, [{ t: at, f: `${index}a` }, { t: at, f: `${index}b` }, { t: at, f: `${index}c` }]));
    let pulled = 0;
    function* counted() {
      for (const segment of flood) {
        pulled++;
        yield segment;
      }
    }
    expect((await merged(counted(), first, 3)).map((entry) => entry.event.fn)).toEqual(["0a", "0b", "0c"]);
    expect(pulled).toBe(2);
  });
});

describe("openSegment", () => {
  test("an event with keys left out comes back with nulls; user and team are the segment's", () => {
    const [opened] = openSegment(segmentRow(2, [{ t: "2030-01-01T00:00:00.000Z", f: "get", s: false, k: "ENVELOPE_NOT_FOUND", d: 0.5 }], null, "bob"), first);
    expect(opened).toEqual({
      key: { at: microsOf("2030-01-01T00:00:00.000Z"), id: 2 * segmentCapacity },
      event: { at: "2030-01-01T00:00:00.000Z", fn: "get", args: null, success: false, errorClass: null, errorCode: "ENVELOPE_NOT_FOUND", errorMessage: null, durationMs: 0.5, user: "bob", team: null, clientVersion: "0.1.0", model: null },
    });
  });

  test("a body that is not JSON is an error naming the segment", () => {
    expect(() => openSegment({ id: 9, firstAt: 0, team: null, user: null, body: "[{" }, first)).toThrow(/segment 9 of envelope_event_segments: its body is not JSON .*expected an array of events/);
  });
});

describe("event keys", () => {
  test.each([
    ["2030-01-01T00:00:00.000Z", Date.UTC(2030, 0, 1) * 1000],
    ["2030-01-01T00:00:00.000001Z", Date.UTC(2030, 0, 1) * 1000 + 1],
    ["2030-01-01T00:00:00.1234Z", Date.UTC(2030, 0, 1) * 1000 + 123_400],
    ["2030-01-01T01:00:00.000500+01:00", Date.UTC(2030, 0, 1) * 1000 + 500],
    ["2030-01-01", Date.UTC(2030, 0, 1) * 1000],
  ])("%s is %i microseconds", (iso, micros) => {
    expect(microsOf(iso)).toBe(micros);
  });

  test("a time in microseconds prints with six decimals and parses back", () => {
    expect(isoOfMicros(microsOf("2030-01-01T00:00:00.123456Z"))).toBe("2030-01-01T00:00:00.123456Z");
    expect(isoOfMicros(microsOf("1969-12-31T23:59:59.999001Z"))).toBe("1969-12-31T23:59:59.999001Z");
    expect(microsOf("not a time")).toBeNaN();
  });
});
