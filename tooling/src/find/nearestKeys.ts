import { editDistance } from "./didYouMean.ts";

/** The `count` keys closest to `value` by edit distance (ties in key order), for "the nearest are" hints. */
export function nearestKeys(value: string, keys: readonly string[], count = 3): string[] {
  return keys
    .map((key, index) => ({ key, index, distance: editDistance(value.toLowerCase(), key.toLowerCase()) }))
    .sort((a, b) => a.distance - b.distance || a.index - b.index)
    .slice(0, count)
    .map(({ key }) => key);
}
