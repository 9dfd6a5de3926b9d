import { compareEventKeys, type EventKey } from "./eventKey.ts";
import { openSegment, segmentLowerBound, type KeyedEvent, type SegmentRow } from "./openSegment.ts";

/** the first `max` events of two sorted lists, sorted */
function mergeSorted(a: KeyedEvent[], b: KeyedEvent[], max: number): KeyedEvent[] {
  const merged: KeyedEvent[] = [];
  let i = 0;
  let j = 0;
  while (merged.length < max && (i < a.length || j < b.length)) {
    merged.push(j >= b.length || (i < a.length && compareEventKeys(a[i]!.key, b[j]!.key) < 0) ? a[i++]! : b[j++]!);
  }
  return merged;
}

/**
 * The first `want` events after `after`, in (time, id) order, of `segments`, which must come in
 * (first time, id) order: a k-way merge with lower bounds. No event of a segment comes before
 * its lower bound (its first time and first id), so the pending events below the next segment's
 * bound are final. A segment is pulled only to learn its bound and opened only while events are
 * still wanted; breaking out of the loop closes `segments`. At most `want` events are held: one
 * that `want` earlier ones precede can never be in the page.
 */
export async function* mergeSegments(segments: AsyncIterable<SegmentRow> | Iterable<SegmentRow>, after: EventKey, want: number): AsyncGenerator<KeyedEvent> {
  let pending: KeyedEvent[] = [];
  let left = want;
  if (left <= 0) return;
  for await (const segment of segments) {
    const bound = segmentLowerBound(segment);
    let final = 0;
    while (final < pending.length && final < left && compareEventKeys(pending[final]!.key, bound) < 0) final++;
    for (let n = 0; n < final; n++) yield pending[n]!;
    left -= final;
    if (left === 0) return;
    pending = mergeSorted(pending.slice(final), openSegment(segment, after), left);
  }
  for (const event of pending.slice(0, left)) yield event;
}
