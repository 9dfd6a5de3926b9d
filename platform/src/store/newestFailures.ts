/**
 * The pure half of a user's recent failures (`recentFailures.ts`): segments are read newest
 * failure first, a chunk at a time; these functions keep the newest failures found so far and
 * say when no segment left unread can hold a newer one. Ids and order as in `eventSegments.ts`
 * (rule 4): an event's id is its segment's id * 16384 plus its place in the body, and events
 * order by (at, id).
 */
import { eventsPerSegment as segmentSpan } from "./eventSegments.ts";

export interface FailureEvent {
  /** milliseconds since the epoch (times are stored to the millisecond) */
  at: number;
  id: number;
  fn: string;
  errorCode: string | null;
  message: string | null;
}

/** a segment by the key its chunks are read in: its latest failure's time (ms), then its id */
export interface SegmentKey {
  lastFailureAt: number;
  id: number;
}

/** A row of a chunk: a segment, and one of its failures that the filters keep, or none (`at` null). */
export interface ChunkRow {
  segment: number;
  lastFailureAt: number;
  at: number | null;
  /** 1-based place in the body (`WITH ORDINALITY`) */
  n: number | null;
  fn: string | null;
  errorCode: string | null;
  message: string | null;
}

/** `a` before `b` newest first: later `at`, then higher id. */
export const newerFirst = (a: FailureEvent, b: FailureEvent) => b.at - a.at || b.id - a.id;

/** The newest `limit` of `events`, newest first. */
export function newestFailures(events: readonly FailureEvent[], limit: number): FailureEvent[] {
  return [...events].sort(newerFirst).slice(0, limit);
}

/** A chunk's rows as its failures, how many segments it read, and the last of them in reading order (null when none). */
export function readChunk(rows: readonly ChunkRow[]): { failures: FailureEvent[]; segments: number; last: SegmentKey | null } {
  const failures: FailureEvent[] = [];
  const segments = new Set<number>();
  let last: SegmentKey | null = null;
  for (const row of rows) {
    segments.add(row.segment);
    if (last === null || row.lastFailureAt < last.lastFailureAt || (row.lastFailureAt === last.lastFailureAt && row.segment < last.id)) last = { lastFailureAt: row.lastFailureAt, id: row.segment };
    if (row.at === null || row.n === null) continue;
    failures.push({ at: row.at, id: row.segment * segmentSpan + row.n - 1, fn: row.fn ?? "", errorCode: row.errorCode, message: row.message });
  }
  return { failures, segments: segments.size, last };
}

/**
 * Whether `newest` (newest first) is final: it holds `limit` failures and the last of them is
 * newer than any failure of a segment after `lastRead` in reading order. Such a segment has a
 * key below `lastRead`'s, so its failures are at most (its last failure's time, its id * 16384 +
 * 16383): before `lastRead.lastFailureAt`, or at it with an id below `lastRead.id * 16384`.
 */
export function failuresComplete(newest: readonly FailureEvent[], limit: number, lastRead: SegmentKey): boolean {
  const oldest = newest[limit - 1];
  if (oldest === undefined) return false;
  return oldest.at > lastRead.lastFailureAt || (oldest.at === lastRead.lastFailureAt && oldest.id >= lastRead.id * segmentSpan);
}
