import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { runInWorkers } from "../../src/run/runInWorkers.ts";
import { WorkerProcess } from "../../src/run/WorkerProcess.ts";
import { corpus } from "../support/corpus.ts";
import { examplesOf } from "../support/examplesOf.ts";
import { alivePids, readPids } from "./alivePids.ts";

// the `processes` corpus: examples that spawn `sleep 300` and record its pid, one of which
// then hangs until its @timeout kills its worker
const root = corpus("processes");
const folder = mkdtempSync(path.join(tmpdir(), "exemplar-pids-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it("leaves no process an example spawned running after the run, nor any worker", async () => {
  const examples = await examplesOf(root, ["examples/spawns.ts"]);
  const results = await runInWorkers(examples, { root, jobs: 2, timeout: 5000, env: { EXEMPLAR_TEST_PIDS_DIR: folder } });
  expect(results.map((result) => [result.key, result.status])).toEqual([
    ["spawns.sleeper", "returned"],
    ["spawns.inherits", "returned"],
    ["spawns.times-out", "timeout"],
  ]);
  // the worker, and the two sleeps, the shell and the sleeps each of the examples spawned
  const pids = readPids(folder);
  expect(pids.length).toBeGreaterThanOrEqual(5);
  expect(await alivePids(pids)).toEqual([]);
}, 30_000);

it("ignores an answer to `status` that comes after the batch ended: the question and the example's result crossed", async () => {
  const cli = corpus("cli");
  const worker = new WorkerProcess({ cwd: cli, env: { ...process.env }, onLate: () => {} });
  try {
    const [result] = await worker.run([{ key: "greet.hello", file: path.join(cli, "examples/greet.ts"), name: "hello", timeout: 5000 }], {}, () => {});
    expect(result).toMatchObject({ key: "greet.hello", status: "returned" });
    // what the worker answers when asked after it sent the result (it threw in the pool, in CI:
    // "Cannot read properties of undefined (reading 'file')")
    const child = (worker as unknown as { child: { emit(event: string, message: unknown): void } }).child;
    expect(() => child.emit("message", { type: "status", waitingOn: [], starting: true })).not.toThrow();
    expect(() => child.emit("message", { type: "status", waitingOn: ["1 Timeout"], loading: "x.ts" })).not.toThrow();
  } finally {
    await worker.close();
  }
}, 30_000);
