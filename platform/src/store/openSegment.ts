import type { UsageEvent } from "../tracking/UsageEvent.ts";
import { compareEventKeys, type EventKey } from "./eventKey.ts";
import { eventsPerSegment } from "./eventSegments.ts";

/** A segment of `envelope_event_segments` as read: what opening it needs. */
export interface SegmentRow {
  id: number;
  /** its earliest event's time, in microseconds since 1970 */
  firstAt: number;
  team: string | null;
  user: string | null;
  /** its events, a JSON array of short-keyed objects (`eventSegments.ts`, rule 3) */
  body: string;
}

/** An event of a page with its place in the order. */
export interface KeyedEvent {
  key: EventKey;
  event: UsageEvent;
}

/** an event in a segment's body: a key whose value is null is left out */
interface BodyEvent {
  t: string;
  f: string;
  a?: unknown;
  s: boolean;
  c?: string;
  k?: string;
  m?: string;
  d: number;
  v: string;
  o?: string;
}

/** the lowest key any of `segment`'s events can have: its first time and its first id */
export function segmentLowerBound(segment: Pick<SegmentRow, "id" | "firstAt">): EventKey {
  return { at: segment.firstAt, id: segment.id * eventsPerSegment };
}

/**
 * The events of `segment` that come after `after`, in the order of pages. Its body is parsed
 * whole (the cost of storing events as segments); only the events kept become `UsageEvent`s.
 */
export function openSegment(segment: SegmentRow, after: EventKey): KeyedEvent[] {
  let body: BodyEvent[];
  try {
    body = JSON.parse(segment.body) as BodyEvent[];
  } catch (error) {
    throw new Error(`segment ${segment.id} of envelope_event_segments: its body is not JSON (${(error as Error).message}); expected an array of events`, { cause: error });
  }
  const kept: KeyedEvent[] = [];
  const base = segment.id * eventsPerSegment;
  for (let n = 0; n < body.length; n++) {
    const e = body[n]!;
    // stored times are normalized to milliseconds (rule 1): Date.parse is exact for them
    const key = { at: Date.parse(e.t) * 1000, id: base + n };
    if (compareEventKeys(key, after) <= 0) continue;
    kept.push({
      key,
      event: {
        at: e.t.length === 24 ? e.t : new Date(e.t).toISOString(),
        fn: e.f,
        args: e.a ?? null,
        success: e.s,
        errorClass: e.c ?? null,
        errorCode: e.k ?? null,
        errorMessage: e.m ?? null,
        durationMs: e.d,
        user: segment.user,
        team: segment.team,
        clientVersion: e.v,
        model: e.o ?? null,
      },
    });
  }
  // a body is sorted by (time, place) already (rule 3); sorting again costs one pass and keeps
  // pages in order whatever wrote it
  return kept.sort((a, b) => compareEventKeys(a.key, b.key));
}
