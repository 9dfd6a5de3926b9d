import type { Checks } from "./Checks.ts";

const notKept = "a JSON value (not undefined, a function or a symbol)";
const notPlain = "a plain object or array (a Date, Map, Set or typed array is not kept as JSON)";

/**
 * Checks that `JSON.stringify` then `JSON.parse` gives `value` back as it is: finite numbers,
 * strings, booleans, null, arrays and plain objects, without cycles. Adds a problem at the path
 * of each value that would be changed (`Infinity` and `NaN` become null, `undefined` and functions
 * disappear or become null, a Date becomes a string, a Map `{}`) or that cannot be written (a
 * BigInt, a cycle). Walks with a stack of its own, so any depth is fine; stops once `checks` is
 * full. (`-0` comes back as `0`, which is equal to it, and passes.)
 */
export function checkJsonValue(checks: Checks, value: unknown, path: string): void {
  const pending: Array<{ value: unknown; path: string; leave?: object }> = [{ value, path }];
  const open = new Set<object>();
  while (pending.length > 0 && !checks.full) {
    const next = pending.pop()!;
    if (next.leave) {
      open.delete(next.leave);
      continue;
    }
    const item = next.value;
    if (item === null || typeof item === "string" || typeof item === "boolean") continue;
    if (typeof item === "number") {
      if (!Number.isFinite(item)) checks.fail(next.path, "a finite number (JSON has no Infinity or NaN)", item);
      continue;
    }
    if (typeof item === "bigint") {
      checks.failDescribed(next.path, "a number (JSON.stringify cannot write a BigInt)", `${item}n`);
      continue;
    }
    if (typeof item !== "object") {
      checks.failDescribed(next.path, notKept, typeof item);
      continue;
    }
    const prototype = Object.getPrototypeOf(item);
    const array = Array.isArray(item);
    if (!array && prototype !== Object.prototype && prototype !== null) {
      checks.failDescribed(next.path, notPlain, prototype?.constructor?.name ?? "an object");
      continue;
    }
    if (open.has(item)) {
      checks.fail(next.path, "a value that does not contain itself");
      continue;
    }
    open.add(item);
    pending.push({ value: undefined, path: next.path, leave: item });
    // pushed last to first, so that problems come in the order of the value
    if (array) for (let index = item.length - 1; index >= 0; index--) pending.push({ value: item[index], path: `${next.path}[${index}]` });
    else for (const key of Object.keys(item).reverse()) pending.push({ value: (item as Record<string, unknown>)[key], path: `${next.path}.${key}` });
  }
}
