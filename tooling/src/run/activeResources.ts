/**
 * What keeps the process alive, by kind (`Timeout`, `TCPServerWrap`, `ProcessWrap`...), as
 * `process.getActiveResourcesInfo()` tells: timers, servers, sockets and children that are
 * referenced. An idle keep-alive socket of `fetch` or `http` is not (it is unreferenced), nor
 * is a timer an example `unref()`s: those are invisible here.
 */
export function activeResources(): Map<string, number> {
  const counts = new Map<string, number>();
  for (const kind of process.getActiveResourcesInfo()) counts.set(kind, (counts.get(kind) ?? 0) + 1);
  return counts;
}

/** The kinds there are more of `after` than `before`, as "2 Timeout", "1 TCPServerWrap". */
export function addedResources(before: ReadonlyMap<string, number>, after: ReadonlyMap<string, number>): string[] {
  const added: string[] = [];
  for (const [kind, count] of after) {
    const more = count - (before.get(kind) ?? 0);
    if (more > 0) added.push(`${more} ${kind}`);
  }
  return added;
}
