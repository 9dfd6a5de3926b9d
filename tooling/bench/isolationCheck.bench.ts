/**
 * `npm run bench:isolation`: what the worker's check after each example costs (see
 * tooling/src/run/snapshotGlobals.ts and activeResources.ts): the snapshot once, then the check
 * of globals and of what keeps the process alive, as a worker runs them after every example.
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
started = performance.now();
let changed = 0;
for (let round = 0; round < rounds; round++) changed += snapshot.changes().length + addedResources(before, activeResources()).length;
const checkUs = ((performance.now() - started) * 1000) / rounds;
if (changed !== 0) throw new Error(`the check saw ${changed} changes where nothing changed`);
console.log(`snapshot (once per worker, lazy globals read): ${snapshotMs.toFixed(1)} ms`);
console.log(`check after an example: ${checkUs.toFixed(1)} µs (${rounds} rounds): ${(checkUs * 1000 / 1000).toFixed(1)} ms of CPU per 1,000 examples`);
