/**
 * What the worker checks after each example, to tell whether the example changed the process
 * the next one would run in: the built-in objects and their prototypes (`console.log`,
 * `Array.prototype.map`, `process.stdout.write`...), the globals, `process.env`, the working
 * directory and the listeners on `process`. A worker whose state changed runs nothing more.
 *
 * Cheap by design, since it runs after every example: the snapshot keeps each object's own keys
 * and values, and a check compares identities without calling any getter (a lazy global such
 * as `fetch` is compared by its accessor functions). It cannot see inside closures or private
 * state (an `EventEmitter`'s default listener limit, a module's variables).
 */

interface Tracked {
  name: string;
  target: object;
  keys: (string | symbol)[];
  /** the data value, or the getter (or setter) of an accessor */
  values: unknown[];
  accessor: boolean[];
}

export interface GlobalsSnapshot {
  /** What changed since the snapshot, named as a user would write it; empty when nothing did. */
  changes(): string[];
  /** Takes the environment as it is now as the baseline (after the pool set the examples' env). */
  rebaseEnv(): void;
}

const name = (owner: string, key: string | symbol) => (typeof key === "symbol" ? `${owner}[${String(key)}]` : `${owner}.${key}`);

function track(tracked: Tracked[], seen: Set<object>, label: string, target: object): void {
  if (seen.has(target)) return;
  seen.add(target);
  const keys = Reflect.ownKeys(target);
  const values: unknown[] = [];
  const accessor: boolean[] = [];
  for (const key of keys) {
    const descriptor = Reflect.getOwnPropertyDescriptor(target, key)!;
    const isAccessor = !("value" in descriptor);
    accessor.push(isAccessor);
    values.push(isAccessor ? (descriptor.get ?? descriptor.set) : descriptor.value);
  }
  tracked.push({ name: label, target, keys, values, accessor });
}

function changed({ target, keys, values, accessor, name: owner }: Tracked, out: string[]): void {
  const now = Reflect.ownKeys(target);
  for (let index = 0; index < keys.length; index++) {
    const key = keys[index]!;
    if (now[index] !== key) {
      const added = now.find((candidate) => !keys.includes(candidate));
      const removed = keys.find((candidate) => !now.includes(candidate));
      out.push(added !== undefined ? name(owner, added) : removed !== undefined ? name(owner, removed) : `${owner} (its keys)`);
      return;
    }
    if (accessor[index]) {
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key);
      if (!descriptor || "value" in descriptor || (descriptor.get ?? descriptor.set) !== values[index]) out.push(name(owner, key));
    } else if (!Object.is((target as Record<string | symbol, unknown>)[key], values[index])) {
      out.push(name(owner, key));
    }
  }
  if (now.length > keys.length) out.push(name(owner, now[keys.length]!));
}

/**
 * Snapshots the global state an example might change. Take it once the worker is set up (its
 * own patches of `process.stdout.write` and `process.exit` in place), before any example runs.
 */
export function snapshotGlobals(): GlobalsSnapshot {
  const tracked: Tracked[] = [];
  const seen = new Set<object>();
  track(tracked, seen, "globalThis", globalThis);
  for (const key of Reflect.ownKeys(globalThis)) {
    const descriptor = Reflect.getOwnPropertyDescriptor(globalThis, key)!;
    // a lazy global (an accessor) is not touched: reading it would load what it stands for
    const value: unknown = descriptor.value;
    if (typeof value !== "function" && (typeof value !== "object" || value === null)) continue;
    const label = typeof key === "symbol" ? `globalThis[${String(key)}]` : key;
    track(tracked, seen, label, value);
    const prototype = (value as { prototype?: unknown }).prototype;
    if (typeof value === "function" && typeof prototype === "object" && prototype !== null) track(tracked, seen, `${label}.prototype`, prototype);
  }
  // the streams change their own state as they are written to: only their methods count
  const streams = { stdoutWrite: process.stdout.write, stderrWrite: process.stderr.write };
  const cwd = process.cwd();
  // listeners added count; Node removes some of its own once-listeners as it goes
  const listeners = new Map(process.eventNames().map((event) => [event, process.listenerCount(event)]));
  let env = { ...process.env };
  return {
    changes() {
      const out: string[] = [];
      for (const entry of tracked) changed(entry, out);
      if (process.stdout.write !== streams.stdoutWrite) out.push("process.stdout.write");
      if (process.stderr.write !== streams.stderrWrite) out.push("process.stderr.write");
      if (process.cwd() !== cwd) out.push(`process.cwd() (now ${process.cwd()})`);
      for (const event of process.eventNames()) {
        if (process.listenerCount(event) > (listeners.get(event) ?? 0)) out.push(`a listener of process.on(${JSON.stringify(String(event))})`);
      }
      const now = process.env;
      for (const key of Object.keys(now)) if (now[key] !== env[key]) out.push(`process.env.${key}`);
      for (const key of Object.keys(env)) if (!(key in now)) out.push(`process.env.${key}`);
      return out;
    },
    rebaseEnv() {
      env = { ...process.env };
    },
  };
}
