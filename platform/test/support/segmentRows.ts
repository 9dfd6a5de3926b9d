import { microsOf } from "../../src/store/eventKey.ts";
import type { SegmentRow } from "../../src/store/openSegment.ts";

/** an event as a segment's body holds it (`eventSegments.ts`, rule 3): short keys, nulls left out */
export interface BodyEventInput {
  t: string;
  f: string;
  a?: unknown;
  s?: boolean;
  c?: string;
  k?: string;
  m?: string;
  d?: number;
  v?: string;
  o?: string;
}

/** the body of a segment of `events`, sorted by (time, place) as recording writes it */
export function segmentBody(events: BodyEventInput[]): string {
  const sorted = events.map((event, index) => ({ event, index })).sort((a, b) => a.event.t.localeCompare(b.event.t) || a.index - b.index);
  return JSON.stringify(sorted.map(({ event }) => ({ s: true, d: 1, v: "0.1.0", ...event })));
}

/** a segment as the merge reads it; times are milliseconds ISO, fns say which event is which */
export function segmentRow(id: number, events: BodyEventInput[], team: string | null = "churn", user: string | null = "ada"): SegmentRow {
  const firstAt = Math.min(...events.map((event) => microsOf(event.t)));
  return { id, firstAt, team, user, body: segmentBody(events) };
}

/** deterministic pseudo-random numbers in [0, 1), so that a failing case fails again */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}
