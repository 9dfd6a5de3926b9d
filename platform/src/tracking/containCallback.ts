/**
 * A user's callback (`onError`, `onFailure`), named e.g. `usage tracking: onError`, made safe to call from tracking: whatever it throws
 * or rejects with is caught, and the first such error is reported with `warn`, once; the user's
 * call and the tracking go on either way.
 */
export function containCallback<A extends unknown[]>(callback: ((...args: A) => unknown) | undefined, name: string, warn: (line: string) => void): (...args: A) => void {
  let warned = false;
  const report = (error: unknown) => {
    if (warned) return;
    warned = true;
    try {
      warn(`${name} threw (ignored; reported once): ${(error as Error)?.message ?? String(error)}`);
    } catch {
      // a broken logger is not ours to fix either
    }
  };
  return (...args) => {
    if (!callback) return;
    try {
      const result = callback(...args);
      if (result instanceof Promise) result.catch(report);
    } catch (error) {
      report(error);
    }
  };
}
