/**
 * `npm run bench:isolation`: what the worker's checks cost (see tooling/src/run/worker.ts,
 * snapshotGlobals.ts and activeResources.ts): the snapshot once per worker, the cheap check
 * after every example, and the check of the other built-ins after each file's examples.
 * Runs in a process of its own, since a snapshot replaces `process.env` by a proxy.
 */
import { activeResources, addedResources } from "../src/run/activeResources.ts";
import { snapshotGlobals } from "../src/run/snapshotGlobals.ts";

const rounds = Number(process.env.BENCH_ROUNDS ?? 20_000);
let started = performance.now();
const snapshot = snapshotGlobals();
const snapshotMs = performance.now() - started;
const before = activeResources();
// warm up, as a worker does over its first examples
for (let round = 0; round < 1000; round++) snapshot.changes();
const time = (check: () => number) => {
  const from = performance.now();
  let changed = 0;
  for (let round = 0; round < rounds; round++) changed += check();
  if (changed !== 0) throw new Error(`the check saw ${changed} changes where nothing changed`);
  return ((performance.now() - from) * 1000) / rounds;
};
const cheapUs = time(() => snapshot.cheapChanges().length + addedResources(before, activeResources()).length);
const deepUs = time(() => snapshot.deepChanges().length);
console.log(`snapshot (once per worker, lazy globals read): ${snapshotMs.toFixed(1)} ms`);
console.log(`after each example (console, streams, env, cwd, listeners, resources): ${cheapUs.toFixed(1)} µs`);
console.log(`after each file (the other built-ins and their prototypes): ${deepUs.toFixed(1)} µs`);
console.log(`1,000 examples in 100 files: ${((cheapUs * 1000 + deepUs * 100) / 1000).toFixed(1)} ms of CPU (${rounds} rounds each)`);
