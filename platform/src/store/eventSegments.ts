import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { UsageEvent } from "../tracking/UsageEvent.ts";

/**
 * How usage events are stored: in segments, rows of `envelope_event_segments` that each hold
 * many events as JSON text. PGlite spent 12.4 µs of CPU on each event stored as a row with three
 * indexes, and spends 2.3 on each stored in a segment (BENCHMARKS.md, "Usage events in
 * segments"). The rules every writer and reader keeps:
 *
 * 1. `at` is normalized when recorded, as `new Date(at).toISOString()` (UTC, milliseconds), so
 *    two stored times compare as text as they do as times.
 * 2. A segment holds the events of one recorded batch with the same team and user whose `at`
 *    fall in the same UTC second, at most `eventsPerSegment` of them: its `last_at` is less than
 *    a second after its `first_at`.
 * 3. Its `body` is a JSON array of its events sorted by (`at`, place in the batch), each an
 *    object with short keys, a null one left out: `t` at, `f` fn, `a` args, `s` success, `c`
 *    errorClass, `k` errorCode, `m` errorMessage, `d` durationMs, `v` clientVersion, `o` model.
 *    Team and user are the segment's columns.
 * 4. An event's id is `segment id * eventsPerSegment + n`, n its place in the body (from 0);
 *    events are ordered by (`at`, id) everywhere, so a segment's first possible key is
 *    (`first_at`, `id * eventsPerSegment`).
 * 5. SQL reads a segment's events as `ROWS FROM (json_to_recordset(s.body::json) AS (t
 *    timestamptz, f text, ...)) WITH ORDINALITY AS e(t, f, ..., n)`, the id
 *    `s.id::bigint * eventsPerSegment + e.n - 1`; TypeScript with `JSON.parse` (`openSegment`).
 */

/** the most events a segment holds: an event's id is its segment's id times this, plus its place */
export const eventsPerSegment = 16384;

/** A row of `envelope_event_segments` before the database gives it its id. */
export interface EventSegment {
  /** its earliest event's `at`, normalized (UTC, milliseconds) */
  firstAt: string;
  /** its latest event's `at`, within the same UTC second as `firstAt` */
  lastAt: string;
  team: string | null;
  user: string | null;
  events: number;
  failures: number;
  /** the latest failure's `at`, null when `failures` is 0 */
  lastFailureAt: string | null;
  /** the events as a JSON array of short-keyed objects, sorted by (`at`, index in the batch) */
  body: string;
}

/** A batch of events as the segments it is stored in. */
export interface BatchSegments {
  /** in the order their (team, user, second) first comes in the batch; a split's parts one after the other */
  segments: EventSegment[];
  /** the batch, each `at` normalized: the same object where it already was */
  events: UsageEvent[];
  /**
   * per batch event, `segment index * eventsPerSegment + n`, n its place in the body: its id
   * less the first segment's id times `eventsPerSegment`, when the segments' ids run on from it
   */
  keys: number[];
}

/**
 * `at` as `Date#toISOString` writes it, within days 01-28 of a month: normalizing gives it back
 * unchanged, without the cost of a Date (about 0.9 µs an event); other days go through a Date,
 * which moves 2030-02-30 to March
 */
const normalAt = /^\d{4}-(?:0[1-9]|1[0-2])-(?:0[1-9]|1\d|2[0-8])T(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** a JSON string escape the database cannot turn into text (json's `->>`, `json_to_recordset`): NUL, a lone surrogate */
const badEscape = /(?:^|[^\\])(?:\\\\)*\\u(?:0000|d[89a-f])/;
/** the same in a raw value */
const badCharacter = /\0|\p{Cs}/u;

/** a 422 with the one problem, as the registry's other checks of a batch word theirs */
const fail = (path: string, expected: string, got?: string) => {
  throw new EnvelopeError("ENVELOPE_INVALID", "1 problem in the events", { problems: [{ path, expected, ...(got === undefined ? {} : { got }) }] });
};

/** the event's `at` as rule 1 above has it: `new Date(at).toISOString()` */
function normalize(at: string, index: number): string {
  if (normalAt.test(at)) return at;
  const time = new Date(at);
  if (Number.isNaN(time.getTime())) fail(`events[${index}].at`, "an ISO time such as 2030-01-01T00:00:00.000Z", JSON.stringify(at));
  return time.toISOString();
}

/**
 * JSON.stringify of a string that remembers the last one: a batch's events mostly share their
 * fn, clientVersion and model (a quarter of `eventSegments`' time)
 */
function lastQuoted(): (value: string) => string {
  let last = "";
  let json = '""';
  return (value) => (value === last ? json : (json = JSON.stringify((last = value))));
}

/** a `lastQuoted` per field that events often share */
interface Quoters {
  fn: (value: string) => string;
  clientVersion: (value: string) => string;
  model: (value: string) => string;
}

/**
 * One event as its body object (keys t f a s c k m d v o, a null one left out), written by
 * concatenation: a JSON.stringify per string rather than of a new object per event costs a
 * quarter less (0.34 against 0.45 µs an event)
 */
function eventJson(event: UsageEvent, at: string, quote: Quoters): string {
  let text = `{"t":"${at}","f":${quote.fn(event.fn)}`;
  if (event.args !== null && event.args !== undefined) {
    const args = JSON.stringify(event.args) as string | undefined;
    if (args !== undefined) text += `,"a":${args}`;
  }
  text += event.success ? `,"s":true` : `,"s":false`;
  if (event.errorClass !== null) text += `,"c":${JSON.stringify(event.errorClass)}`;
  if (event.errorCode !== null) text += `,"k":${JSON.stringify(event.errorCode)}`;
  if (event.errorMessage !== null) text += `,"m":${JSON.stringify(event.errorMessage)}`;
  if (Number.isFinite(event.durationMs)) text += `,"d":${event.durationMs}`;
  if (event.clientVersion !== null) text += `,"v":${quote.clientVersion(event.clientVersion)}`;
  if (event.model !== null) text += `,"o":${quote.model(event.model)}`;
  return text + "}";
}

/** the name of `event`'s first field holding a NUL or a lone surrogate, for the error */
function badField(event: UsageEvent): string {
  for (const [name, value] of Object.entries(event)) {
    if (typeof value === "string" ? badCharacter.test(value) : badEscape.test(JSON.stringify(value) ?? "")) return name;
  }
  return "(a value)";
}

const refuse = (index: number, field: string) =>
  fail(`events[${index}].${field}`, "text without a NUL character (U+0000) or a lone surrogate, which the store cannot keep as text");

/** the events of one (team, user, UTC second) of the batch, by their index in it */
interface Group {
  team: string | null;
  user: string | null;
  /** the first 19 characters of its events' normalized `at` */
  second: string;
  indices: number[];
}

/** a value in a group's key: null, or the text with its length before it, so that no two keys run together */
const part = (value: string | null) => (value === null ? "-" : `${value.length}:${value}`);

/** the batch's events grouped by (team, user, UTC second), in the order each group first comes */
function groupBySecond(events: readonly UsageEvent[]): Group[] {
  const groups = new Map<string, Group>();
  // most events fall in the group of the event before them: that one is checked first, by value
  let last: Group | undefined;
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    if (!(last && last.team === event.team && last.user === event.user && event.at.startsWith(last.second))) {
      const second = event.at.slice(0, 19);
      const key = part(event.team) + part(event.user) + second;
      last = groups.get(key);
      if (!last) groups.set(key, (last = { team: event.team, user: event.user, second, indices: [] }));
    }
    last.indices.push(index);
  }
  return [...groups.values()];
}

/** `indices` sorted by (`at`, index): most often they already are */
function byTime(events: readonly UsageEvent[], indices: number[]): number[] {
  for (let place = 1; place < indices.length; place++) {
    if (events[indices[place]!]!.at < events[indices[place - 1]!]!.at) {
      return indices.sort((a, b) => (events[a]!.at < events[b]!.at ? -1 : events[a]!.at > events[b]!.at ? 1 : a - b));
    }
  }
  return indices;
}

/**
 * Splits a recorded batch into the rows of `envelope_event_segments` (the rules above,
 * 1-4): each `at` normalized; one segment per team, user and UTC second, of at most
 * `eventsPerSegment` events sorted by (`at`, index in the batch); and where each event went.
 * Throws an ENVELOPE_INVALID naming the event and field for an `at` that is not a time, and for a
 * NUL or a lone surrogate in any value (as text the database refuses them, or reads them back
 * as something else), so that such a batch is refused whole.
 */
export function eventSegments(batch: readonly UsageEvent[]): BatchSegments {
  const events: UsageEvent[] = new Array(batch.length);
  let lastRaw = "";
  let lastAt = "";
  for (let index = 0; index < batch.length; index++) {
    const event = batch[index]!;
    // a few events to a millisecond: the one before often has the same time
    if (event.at !== lastRaw) [lastRaw, lastAt] = [event.at, normalize(event.at, index)];
    events[index] = lastAt === event.at ? event : { ...event, at: lastAt };
  }
  const segments: EventSegment[] = [];
  const keys: number[] = new Array(batch.length);
  const quote: Quoters = { fn: lastQuoted(), clientVersion: lastQuoted(), model: lastQuoted() };
  for (const group of groupBySecond(events)) {
    for (const [field, value] of [["team", group.team], ["user", group.user]] as const) {
      if (value !== null && badCharacter.test(value)) refuse(group.indices[0]!, field);
    }
    const sorted = byTime(events, group.indices);
    for (let start = 0; start < sorted.length; start += eventsPerSegment) {
      const chunk = sorted.slice(start, start + eventsPerSegment);
      const base = segments.length * eventsPerSegment;
      let body = "[";
      let failures = 0;
      let lastFailureAt: string | null = null;
      for (let n = 0; n < chunk.length; n++) {
        const index = chunk[n]!;
        const event = events[index]!;
        body += (n === 0 ? "" : ",") + eventJson(event, event.at, quote);
        keys[index] = base + n;
        if (!event.success) {
          failures++;
          // sorted by time: the last failure is the latest
          lastFailureAt = event.at;
        }
      }
      body += "]";
      if (body.includes("\\u") && badEscape.test(body)) {
        const index = chunk.find((index) => badEscape.test(eventJson(events[index]!, events[index]!.at, quote)))!;
        refuse(index, badField(events[index]!));
      }
      segments.push({ firstAt: events[chunk[0]!]!.at, lastAt: events[chunk.at(-1)!]!.at, team: group.team, user: group.user, events: chunk.length, failures, lastFailureAt, body });
    }
  }
  return { segments, events, keys };
}
