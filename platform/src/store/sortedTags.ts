/** A version's tags with keys in byte order: jsonb keeps them in its own order (shortest first), people read them sorted. */
export function sortedTags(tags: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tags).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
