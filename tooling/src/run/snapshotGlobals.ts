/**
 * What the worker checks after each example, to tell whether the example changed the process
 * the next one would run in: the built-in objects and their prototypes (`console.log`,
 * `Array.prototype.map`, `process.stdout.write`...), the globals, `process.env`, the working
 * directory and the listeners on `process`. A worker whose state changed runs nothing more.
 *
 * Cheap by design, since it runs after every example (its cost is in BENCHMARKS.md): the
 * snapshot keeps every data value of the `watched` globals and their prototypes, compared by
 * identity without calling any getter, and the enumerable keys of the most used (`keyed`). Not
 * seen: a property added to another object (`Map.prototype.extra`) or defined non-enumerable,
 * a patched global outside `watched` (`Atomics.wait`), a replaced getter on a prototype
 * (`Map.prototype.size`; getters count on `globalThis` and `process`, where Node's lazy globals
 * live), state inside closures or private fields.
 */

/**
 * The globals whose properties (and whose prototype's) are compared: those code uses, and so
 * patches, everywhere. Every data property of `globalThis` is compared too, and `console` (in
 * the cheap part of the check).
 */
const watched = [
  "process", "Object", "Array", "String", "Number", "Boolean", "Symbol", "BigInt", "Function", "Promise",
  "RegExp", "Date", "Math", "JSON", "Reflect", "Proxy", "Map", "Set", "WeakMap", "WeakSet", "Error", "TypeError",
  "RangeError", "SyntaxError", "Buffer", "URL", "URLSearchParams", "EventTarget", "AbortController", "AbortSignal",
  "TextEncoder", "TextDecoder", "Intl",
];

/**
 * Objects whose enumerable keys are compared too: a property added by assignment (enumerable)
 * changes what `for...in` and `Object.keys` see there.
 */
const keyed: ReadonlySet<object> = new Set([globalThis, process, console, Object.prototype, Array.prototype, String.prototype, Function.prototype, Number.prototype, Promise.prototype]);

export interface GlobalsSnapshot {
  /**
   * What changed since the snapshot, named as a user would write it; empty when nothing did.
   * `added: false` leaves out properties added to `globalThis` (see `run` in worker.ts).
   */
  changes(options?: { added?: boolean }): string[];
  /**
   * The part of `changes` that costs next to nothing (about 2 µs): `console`, the output
   * streams, the working directory, the listeners on `process`, `process.env` and the globals
   * added by assignment. The worker runs it after every example and all of `changes` at the
   * end of each file's examples (see worker.ts).
   */
  cheapChanges(): string[];
  /** The rest of `changes`: the built-ins and their prototypes (about 35 µs). */
  deepChanges(options?: { added?: boolean }): string[];
  /** Takes the environment as it is now as the baseline (after the pool set the examples' env). */
  rebaseEnv(): void;
  /** Takes everything as it is now as the baseline (after a file's top-level code changed it). */
  rebase(): void;
}

const name = (owner: string, key: string | symbol) => (typeof key === "symbol" ? `${owner}[${String(key)}]` : `${owner}.${key}`);

/**
 * Every checked property in flat arrays (one loop over them is the whole cost of a check):
 * its owner, key and value, a getter or setter for an accessor.
 */
class Properties {
  readonly owners: string[] = [];
  readonly targets: Record<string | symbol, unknown>[] = [];
  readonly keys: (string | symbol)[] = [];
  readonly values: unknown[] = [];
  readonly accessors: number[] = [];
  /** objects whose own keys are compared, with the keys they had */
  readonly keyLists: { owner: string; target: object; keys: string[] }[] = [];
  private readonly seen = new Set<object>();

  add(owner: string, target: object, accessors = false): void {
    if (this.seen.has(target)) return;
    this.seen.add(target);
    const keys = Reflect.ownKeys(target);
    if (keyed.has(target)) this.keyLists.push({ owner, target, keys: Object.keys(target) });
    for (const key of keys) {
      // an emitter's bookkeeping moves as Node adds and removes its own listeners (see `listeners`)
      if (key === "_events" || key === "_eventsCount") continue;
      const descriptor = Reflect.getOwnPropertyDescriptor(target, key)!;
      const isAccessor = !("value" in descriptor);
      if (isAccessor && !accessors) continue;
      if (isAccessor) this.accessors.push(this.keys.length);
      this.owners.push(owner);
      this.targets.push(target as Record<string | symbol, unknown>);
      this.keys.push(key);
      this.values.push(isAccessor ? (descriptor.get ?? descriptor.set) : descriptor.value);
    }
  }

  changes(out: string[], withAdded = true): void {
    const { targets, keys, values } = this;
    let accessor = 0;
    for (let index = 0; index < keys.length; index++) {
      if (this.accessors[accessor] === index) {
        accessor++;
        const descriptor = Reflect.getOwnPropertyDescriptor(targets[index]!, keys[index]!);
        // a lazy property of process (`allowedNodeEnvironmentFlags`) turns into its value when
        // first read, and so does a lazy global (`fetch`, `Response`) when first used
        if (descriptor && "value" in descriptor && ((targets[index] as object) === process || usedLazyGlobal(targets[index]!, values[index], descriptor.value))) continue;
        if (!descriptor || "value" in descriptor || (descriptor.get ?? descriptor.set) !== values[index]) out.push(name(this.owners[index]!, keys[index]!));
      } else if (targets[index]![keys[index]!] !== values[index] && values[index] === values[index]) {
        out.push(name(this.owners[index]!, keys[index]!));
      }
    }
    for (const { owner, target, keys: before } of this.keyLists) {
      const now = Object.keys(target);
      if (now.length === before.length && now.every((key, index) => key === before[index])) continue;
      const added = now.find((candidate) => !before.includes(candidate));
      const removed = before.find((candidate) => !now.includes(candidate));
      if (!withAdded && target === globalThis && removed === undefined) continue;
      out.push(added !== undefined ? name(owner, added) : removed !== undefined ? name(owner, removed) : `${owner} (its keys)`);
    }
  }
}

/**
 * Snapshots the global state an example might change. Take it once the worker is set up (its
 * own patches of `process.stdout.write` and `process.exit` in place), before any example runs.
 * It puts a proxy in place of `process.env` that notes which variables are written, so that
 * the environment costs nothing to check.
 */
export function snapshotGlobals(): GlobalsSnapshot {
  const written = watchEnv();
  materializeWatched();
  let state = takeState();
  return {
    changes({ added = true } = {}) {
      return [...this.deepChanges({ added }), ...this.cheapChanges()];
    },
    deepChanges({ added = true } = {}) {
      const out: string[] = [];
      state.properties.changes(out, added);
      return out;
    },
    cheapChanges() {
      const out: string[] = [];
      state.cheap.changes(out);
      if (process.stdout.write !== state.stdoutWrite) out.push("process.stdout.write");
      if (process.stderr.write !== state.stderrWrite) out.push("process.stderr.write");
      if (process.cwd() !== state.cwd) out.push(`process.cwd() (now ${process.cwd()})`);
      for (const event of process.eventNames()) {
        if (process.listenerCount(event) > (state.listeners.get(event) ?? 0)) out.push(`a listener of process.on(${JSON.stringify(String(event))})`);
      }
      for (const key of written) out.push(`process.env.${String(key)}`);
      return out;
    },
    rebaseEnv() {
      written.clear();
    },
    rebase() {
      written.clear();
      state = takeState();
    },
  };
}

function takeState() {
  const properties = new Properties();
  properties.add("globalThis", globalThis, true);
  properties.add("process", process, true);
  for (const label of watched) {
    const value: unknown = Reflect.getOwnPropertyDescriptor(globalThis, label)?.value;
    if (typeof value !== "function" && (typeof value !== "object" || value === null)) continue;
    properties.add(label, value);
    const prototype = (value as { prototype?: unknown }).prototype;
    if (typeof value === "function" && typeof prototype === "object" && prototype !== null) properties.add(`${label}.prototype`, prototype);
  }
  const cheap = new Properties();
  cheap.add("console", console);
  return {
    properties,
    cheap,
    // the streams change their own state as they are written to: only their methods count
    stdoutWrite: process.stdout.write,
    stderrWrite: process.stderr.write,
    cwd: process.cwd(),
    listeners: listenerCounts(),
  };
}

/**
 * The listeners on `process` by event: added ones count (Node removes some of its own
 * once-listeners as it goes). A plain loop: a file may have replaced `Array.prototype.map`.
 */
function listenerCounts(): Map<string | symbol, number> {
  const counts = new Map<string | symbol, number>();
  const events = process.eventNames();
  for (let index = 0; index < events.length; index++) counts.set(events[index]!, process.listenerCount(events[index]!));
  return counts;
}

/**
 * Reads the `watched` globals that Node defines lazily (`TextEncoder`, `AbortController`...), as
 * a getter that replaces itself with its value on first use, so that their prototypes are
 * watched too. The other lazy globals are left to their first use (reading `fetch` loads
 * undici: 40 ms of every worker's start): see `usedLazyGlobal`.
 */
function materializeWatched(): void {
  for (const key of watched) {
    if (Reflect.getOwnPropertyDescriptor(globalThis, key)?.get === undefined) continue;
    try {
      Reflect.get(globalThis, key);
    } catch {
      // a getter that throws stays a getter, compared as one
    }
  }
}

/**
 * Whether a global that was Node's lazy getter and is now a value holds the value that getter
 * gives: it was used (`fetch(...)`), not replaced (`globalThis.fetch = mock`, which the getter's
 * setter turns into a value too). Asking the getter may load its module, once, and only for a
 * global an example touched.
 */
function usedLazyGlobal(target: object, getter: unknown, value: unknown): boolean {
  if (target !== globalThis || typeof getter !== "function") return false;
  try {
    return (getter as () => unknown).call(globalThis) === value;
  } catch {
    return false;
  }
}

/** Replaces `process.env` by a proxy of it that records the names of the variables written. */
function watchEnv(): Set<string | symbol> {
  const written = new Set<string | symbol>();
  process.env = new Proxy(process.env, {
    set(target, key, value) {
      written.add(key);
      return Reflect.set(target, key, value);
    },
    deleteProperty(target, key) {
      written.add(key);
      return Reflect.deleteProperty(target, key);
    },
    defineProperty(target, key, descriptor) {
      written.add(key);
      return Reflect.defineProperty(target, key, descriptor);
    },
  });
  return written;
}
