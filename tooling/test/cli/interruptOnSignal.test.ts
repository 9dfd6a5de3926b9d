import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { copyCorpus } from "../support/corpus.ts";
import { alivePids, readPids } from "../run/alivePids.ts";

const bin = fileURLToPath(new URL("../../bin/exemplar.js", import.meta.url));
const copy = copyCorpus("processes");
afterAll(() => copy.remove());

// the real CLI, in a copy of the `processes` corpus: two quick examples, then one that spawns
// `sleep 300` and spins in a synchronous loop under a ten-minute @timeout. Only the CLI's pid
// gets the SIGTERM: the worker leads a process group of its own and never reads a message again
it("on SIGTERM, kills the worker and what its examples spawned, reports what finished and exits 143", async () => {
  const child = spawn(process.execPath, [bin, "check", "--examples", "examples/waits.ts", "--verbose"], {
    cwd: copy.root,
    env: { ...process.env, NO_COLOR: "1", EXEMPLAR_TEST_PIDS_DIR: copy.root },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => child.on("close", (code, signal) => resolve({ code, signal })));
  let ended = false;
  void exited.then(() => (ended = true));

  // the bin may rebuild dist/ first: wait generously for the spinning example to start
  const until = Date.now() + 40_000;
  while (!existsSync(path.join(copy.root, "spinning")) && !ended && Date.now() < until) await sleep(50);
  expect({ spinning: existsSync(path.join(copy.root, "spinning")), stderr }).toEqual({ spinning: true, stderr: "" });
  child.kill("SIGTERM");

  expect(await exited).toEqual({ code: 143, signal: null });
  expect(stdout).toMatch(/^✓ waits\.quick-a  examples\/waits\.ts:\d+  \d+ ms$/m);
  expect(stdout).toMatch(/^✓ waits\.quick-b  examples\/waits\.ts:\d+  \d+ ms$/m);
  expect(stdout).not.toContain("waits.spins");
  expect(stdout).toMatch(/\nExamples: 2 passed, 0 failed\nThe run was interrupted by SIGTERM: 1 of 3 examples did not run\n$/);
  // the worker's pid and the sleep's, recorded by the examples
  const pids = readPids(copy.root);
  expect(pids.length).toBe(2);
  expect(await alivePids(pids)).toEqual([]);
}, 60_000);
