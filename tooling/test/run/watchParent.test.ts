import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { fileURLToPath } from "node:url";
import { afterAll, expect, it } from "vitest";
import { copyCorpus } from "../support/corpus.ts";
import { alivePids, readPids } from "./alivePids.ts";

const bin = fileURLToPath(new URL("../../bin/exemplar.js", import.meta.url));
const copy = copyCorpus("processes");
afterAll(() => copy.remove());

// the CLI SIGKILLed while its worker spins in a synchronous loop (the `processes` corpus's
// waits.spins): no handler of the CLI runs and the worker's main thread never reads its
// disconnect, only the worker's watchdog thread can end it and the sleep its example spawned
it("ends a worker stuck in a loop, and what it spawned, when the CLI is SIGKILLed", async () => {
  const child = spawn(process.execPath, [bin, "check", "--examples", "examples/waits.ts"], {
    cwd: copy.root,
    env: { ...process.env, NO_COLOR: "1", EXEMPLAR_TEST_PIDS_DIR: copy.root },
    stdio: "ignore",
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const until = Date.now() + 40_000;
  while (!existsSync(path.join(copy.root, "spinning")) && child.exitCode === null && Date.now() < until) await sleep(50);
  expect(existsSync(path.join(copy.root, "spinning"))).toBe(true);
  child.kill("SIGKILL");
  await exited;
  const pids = readPids(copy.root);
  expect(pids.length).toBe(2);
  expect(await alivePids(pids)).toEqual([]);
}, 60_000);
