/**
 * Runs one batch at a time, over the items asked for while the batch before it ran: the writer's
 * loop, where each save asks for its file's examples and a save must never be lost or run
 * alongside another (both would share, and reset, the setup's fixtures).
 *
 * The function returned asks for one item and resolves with the result of the first batch that
 * starts after the call and covers the item: at once when nothing runs, else right after the
 * running batch, together with every item asked for meanwhile (several saves of one file count
 * once). A batch that throws rejects its callers only; the next batch runs all the same.
 */
export function coalesceRuns<T>(run: (items: string[]) => Promise<T>): (item: string) => Promise<T> {
  let previous: Promise<unknown> = Promise.resolve();
  let waiting: { items: Set<string>; result: Promise<T> } | undefined;
  return (item) => {
    if (waiting) {
      waiting.items.add(item);
      return waiting.result;
    }
    const items = new Set([item]);
    const result = previous.then(() => {
      // from here on the batch is running: items asked for now make the next one
      waiting = undefined;
      return run([...items]);
    });
    waiting = { items, result };
    previous = result.catch(() => {});
    return result;
  };
}
