/**
 * A lane that runs one task at a time, in arrival order: the registry parses large bodies through
 * one, so that three 16 MiB bodies at once cost the memory of one and take turns instead of
 * thrashing the collector together. (Ten lines: not worth p-limit as a new dependency of the
 * platform package.)
 */
export function createLane(): <T>(task: () => Promise<T>) => Promise<T> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
