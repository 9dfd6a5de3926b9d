import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { openProject } from "../../src/project/openProject.ts";
import { runExamples } from "../../src/run/runExamples.ts";
import { corpus } from "../support/corpus.ts";
import { alivePids, readPids } from "./alivePids.ts";

// the `processes` corpus's detached.ts: examples that spawn `sleep 300` detached (a process
// group of its own, out of reach of the kill of the worker's group), and a detached shell
// running a sleep of its own, and return, passing. Only the variable that marks the worker's
// environment, which they inherit, finds them when the worker ends
const root = corpus("processes");
const folder = mkdtempSync(path.join(tmpdir(), "exemplar-detached-"));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

it("leaves no process an example spawned detached running after the run, nor any worker", async () => {
  try {
    const project = await openProject(resolveConfig({ examples: ["examples/detached.ts"], jobs: 1 }, root), { pages: false });
    const run = await runExamples(project, {}, { setup: { env: { EXEMPLAR_TEST_PIDS_DIR: folder }, teardown: async () => {} } });
    expect(run.verdicts.map((verdict) => [verdict.example.key, verdict.status, verdict.failures])).toEqual([
      ["detached.sleeper", "passed", []],
      ["detached.grandchild", "passed", []],
    ]);
    // the worker, the sleep, the shell and the shell's sleep
    const pids = readPids(folder);
    expect(pids.length).toBeGreaterThanOrEqual(4);
    expect(await alivePids(pids)).toEqual([]);
  } finally {
    // a failing run must not leave its sleeps behind for five minutes
    const left = existsSync(path.join(folder, "pids")) ? await alivePids(readPids(folder), 0) : [];
    for (const pid of left) {
      try {
        process.kill(pid, "SIGKILL");
      } catch {
        // gone since the look
      }
    }
  }
}, 60_000);
