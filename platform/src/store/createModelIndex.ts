import type { ModelSummary } from "../envelope/Envelope.ts";
import type { FindQuery, IndexedSummary } from "./Store.ts";

function insertSorted(list: number[], id: number): void {
  if (list.length === 0 || list[list.length - 1]! < id) {
    list.push(id);
    return;
  }
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < id) low = middle + 1;
    else high = middle;
  }
  if (list[low] !== id) list.splice(low, 0, id);
}

function removeSorted(list: number[], id: number): void {
  let low = 0;
  let high = list.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (list[middle]! < id) low = middle + 1;
    else high = middle;
  }
  if (list[low] === id) list.splice(low, 1);
}

const postingKey = (key: string, value: string) => `${key}\u0000${value}`;
/** a version's own tag: `toString` or `constructor` are keys like any other, never Object.prototype's */
const tagOf = (tags: Record<string, string> | undefined, key: string) => (tags && Object.hasOwn(tags, key) ? tags[key] : undefined);

export interface ModelIndex {
  /** adds a version, or replaces it (same id) when its tags changed */
  put(summary: IndexedSummary): void;
  /** the versions matching every tag, newest (highest id) first, at most `limit` */
  find(query: FindQuery): ModelSummary[];
  readonly size: number;
}

/**
 * An in-memory inverted index of model versions by tag (`key=value` -> ids in ascending order).
 * A query walks the shortest posting list of its tags from the newest end and stops at `limit`.
 * Pure data: the store keeps it in step with what it committed.
 */
export function createModelIndex(summaries: Iterable<IndexedSummary> = []): ModelIndex {
  const entries = new Map<number, { summary: ModelSummary; tags: Record<string, string>; name: string; version: number }>();
  const all: number[] = [];
  const postings = new Map<string, number[]>();
  const latest = new Map<string, number>();

  function put(indexed: IndexedSummary): void {
    const { id, ...summary } = indexed;
    const previous = entries.get(id);
    if (previous) {
      for (const [key, value] of Object.entries(previous.tags)) {
        if (tagOf(summary.tags, key) !== value) removeSorted(postings.get(postingKey(key, value)) ?? [], id);
      }
    } else {
      insertSorted(all, id);
    }
    for (const [key, value] of Object.entries(summary.tags)) {
      const posting = postingKey(key, value);
      let list = postings.get(posting);
      if (!list) postings.set(posting, (list = []));
      if (tagOf(previous?.tags, key) !== value) insertSorted(list, id);
    }
    entries.set(id, { summary, tags: summary.tags, name: summary.name, version: summary.version });
    if ((latest.get(summary.name) ?? 0) < summary.version) latest.set(summary.name, summary.version);
  }

  for (const summary of summaries) put(summary);

  return {
    put,
    get size() {
      return entries.size;
    },
    find(query) {
      const wanted = Object.entries(query.tags);
      let candidates = all;
      for (const [key, value] of wanted) {
        const list = postings.get(postingKey(key, value));
        if (!list || list.length === 0) return [];
        if (list.length < candidates.length) candidates = list;
      }
      const found: ModelSummary[] = [];
      for (let index = candidates.length - 1; index >= 0 && found.length < query.limit; index--) {
        const entry = entries.get(candidates[index]!)!;
        if (query.latest && latest.get(entry.name) !== entry.version) continue;
        if (wanted.every(([key, value]) => tagOf(entry.tags, key) === value)) found.push(entry.summary);
      }
      return found;
    },
  };
}
