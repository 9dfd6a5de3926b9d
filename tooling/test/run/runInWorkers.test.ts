import path from "node:path";
import { beforeAll, describe, expect, it, test } from "vitest";
import { checkExample } from "../../src/check/checkExample.ts";
import type { Verdict } from "../../src/records/Verdict.ts";
import type { Example } from "../../src/records/Example.ts";
import type { RunResult } from "../../src/records/RunResult.ts";
import { startWorkers } from "../../src/fast/startWorkers.ts";
import { runInWorkers } from "../../src/run/runInWorkers.ts";
import { corpus } from "../support/corpus.ts";
import { examplesOf } from "../support/examplesOf.ts";

// one run of the `outcomes` corpus, shared by every assertion below: three files, two workers,
// every way an example can end badly, each between good examples
const root = corpus("outcomes");
let examples: Example[];
let results: RunResult[];
let verdicts: Map<string, Verdict>;
const finished: string[] = [];

beforeAll(async () => {
  examples = await examplesOf(root);
  results = await runInWorkers(examples, { root, jobs: 2, timeout: 5000, onResult: (result) => finished.push(result.key) });
  verdicts = new Map(examples.map((example, index) => [example.key, checkExample(example, results[index]!)]));
}, 60_000);

const result = (key: string) => results.find((candidate) => candidate.key === key)!;
const verdict = (key: string) => verdicts.get(key)!;

describe("runInWorkers on the outcomes corpus", () => {
  it("returns one result per example, in the order given", () => {
    expect(results.map((entry) => entry.key)).toEqual(examples.map((example) => example.key));
  });

  it("reports each example that ran as it finished, and not the skipped one", () => {
    expect([...finished].sort()).toEqual(examples.filter((example) => example.skip === undefined).map((example) => example.key).sort());
  });

  test.each([
    // good examples in the other files
    "good.interleaved-a", "good.console-methods", "other.interleaved-c", "other.sync", "other.expected-error",
    // every good example of the bad file, before and after each bad one
    "bad.before", "bad.after-throw", "bad.after-hang", "bad.after-never-settles", "bad.after-exit",
    "bad.after-rejection", "bad.after-timer", "bad.after-kill", "bad.after-abort", "bad.after-stray-timer",
  ])("%s passes whatever its neighbours did", (key) => {
    expect(verdict(key).failures).toEqual([]);
    expect(verdict(key).status).toBe("passed");
  });

  it("fails an example that throws, with the stdout it printed first and a stack on the .ts lines", () => {
    expect(result("bad.throws")).toMatchObject({ status: "threw", stdout: "about to throw\n", error: { name: "Error", message: "boom from the example" } });
    const stack = result("bad.throws").error!.stack!;
    expect(stack).toMatch(/^Error: boom from the example\n/);
    expect(stack).toMatch(/at failDeeper \(\S*\/examples\/b-bad\.ts:25:9\)/);
    expect(stack).toMatch(/at throws \(\S*\/examples\/b-bad\.ts:21:3\)/);
    expect(verdict("bad.throws").failures).toEqual([{ kind: "threw", message: "threw Error: boom from the example" }]);
  });

  it("stops a synchronous endless loop at its @timeout, keeping what it printed before", () => {
    // the worker mirrors output synchronously, so even a blocked worker's output reaches the report
    expect(result("bad.hangs")).toMatchObject({ status: "timeout", stdout: "spinning\n" });
    expect(result("bad.hangs").durationMs).toBeGreaterThanOrEqual(1000);
    expect(result("bad.hangs").durationMs).toBeLessThan(4000);
    expect(verdict("bad.hangs").failures[0]!.kind).toBe("timeout");
    // its worker could not answer what the example awaits: its event loop was blocked
    expect(verdict("bad.hangs").failures[0]!.message).toMatch(/^timed out after \d+ ms with its code still running \(an endless loop\?\); set @timeout MS if it needs longer$/);
  });

  it("stops a promise that never settles at its @timeout, keeping what it printed", () => {
    expect(result("bad.never-settles")).toMatchObject({ status: "timeout", stdout: "waiting for nothing\n" });
    expect(result("bad.never-settles").durationMs).toBeGreaterThanOrEqual(1000);
    expect(verdict("bad.never-settles").failures.map((failure) => failure.kind)).toEqual(["timeout", "stdout"]);
    // nothing it started was pending, so more time would not help: said so, without "set @timeout"
    expect(verdict("bad.never-settles").failures[0]!.message).toMatch(/^never settled: after \d+ ms it was awaiting a promise that nothing it started could settle/);
  });

  it("fails an example that calls process.exit, with its exit code and output", () => {
    expect(result("bad.exits")).toMatchObject({ status: "exit", exitCode: 3, stdout: "before exit\n" });
    expect(verdict("bad.exits").failures).toEqual([{ kind: "exit", message: "called process.exit(3); examples must return instead" }]);
  });

  it("fails an example that leaves an unhandled rejection", () => {
    expect(result("bad.rejects")).toMatchObject({ status: "returned", stdout: "returned\n" });
    expect(result("bad.rejects").unhandledRejections.map(({ name, message }) => ({ name, message }))).toEqual([{ name: "Error", message: "nobody listens" }]);
    expect(verdict("bad.rejects").failures.map(({ kind, message }) => ({ kind, message }))).toEqual([
      { kind: "unhandled-rejection", message: "unhandled promise rejection: Error: nobody listens" },
    ]);
  });

  it("fails an example whose timer throws, as an uncaught exception with a .ts stack", () => {
    expect(result("bad.timer-throws")).toMatchObject({ status: "returned", stdout: "waited\n" });
    const [exception] = result("bad.timer-throws").uncaughtExceptions;
    expect(exception).toMatchObject({ name: "Error", message: "thrown from a timer" });
    expect(exception!.stack).toMatch(/\/examples\/b-bad\.ts:123:11\)?$/m);
    expect(verdict("bad.timer-throws").failures.map(({ kind, message }) => ({ kind, message }))).toEqual([
      { kind: "uncaught-exception", message: "uncaught exception outside the example's promise: Error: thrown from a timer" },
    ]);
  });

  it("fails an example that kills its worker", () => {
    expect(result("bad.killed").status).toBe("crashed");
    expect(result("bad.killed").error!.message).toMatch(/^killed by SIGKILL/);
    expect(verdict("bad.killed").failures.map((failure) => failure.kind)).toEqual(["crashed"]);
    expect(verdict("bad.killed").failures[0]!.message).toMatch(/^its worker crashed: killed by SIGKILL/);
  });

  it("fails an example that aborts its worker", () => {
    expect(result("bad.aborts").status).toBe("crashed");
    expect(result("bad.aborts").error!.message).toMatch(/^killed by SIGABRT/);
  });

  it("warns about output after an example settled, naming it, and keeps it out of the next example's stdout", () => {
    expect(result("bad.stray-timer")).toMatchObject({ status: "returned", stdout: "settled\n", lateOutput: ["late tick\n"] });
    expect(verdict("bad.stray-timer").status).toBe("passed");
    expect(verdict("bad.stray-timer").warnings).toEqual(['bad.stray-timer wrote after it settled (a timer or callback outlived it): "late tick"']);
    expect(result("bad.after-stray-timer").stdout).toBe("after stray start\nafter stray end\n");
    expect(verdict("bad.after-stray-timer").warnings).toEqual([]);
  });

  it("attributes output exactly with two workers printing at the same time", () => {
    expect(result("good.interleaved-a").stdout).toBe("a1\na2\na3\n");
    expect(result("other.interleaved-c").stdout).toBe("c1\nc2\nc3\n");
  });

  it("captures console.log, info, debug, table, dir and process.stdout.write as stdout, stderr apart", () => {
    expect(result("good.console-methods").stdout).toBe(
      "log 1\ninfo 2\ndebug 3\n" +
        "┌─────────┬─────┐\n│ (index) │ id  │\n├─────────┼─────┤\n│ 0       │ 'x' │\n└─────────┴─────┘\n" +
        "{ nested: { deep: [ 1, 2 ] } }\nwritten without a newline, then one\n",
    );
    expect(result("good.console-methods").stderr).toBe("error to stderr\nwarn to stderr\nraw stderr\n");
  });

  it("checks stdout printed before an expected error", () => {
    expect(result("other.expected-error")).toMatchObject({ status: "threw", stdout: "checking\n", error: { message: "invalid key `A`" } });
  });

  it("does not run a skipped example and counts it skipped", () => {
    expect(result("good.skipped")).toEqual({
      key: "good.skipped", status: "skipped", stdout: "", stderr: "", durationMs: 0,
      unhandledRejections: [], uncaughtExceptions: [], lateOutput: [],
    });
    expect(verdict("good.skipped").status).toBe("skipped");
  });

  it("gives every example exactly the verdict it earned", () => {
    const failed = [...verdicts.values()].filter((entry) => entry.status === "failed").map((entry) => entry.example.key).sort();
    expect(failed).toEqual(["bad.aborts", "bad.exits", "bad.hangs", "bad.killed", "bad.never-settles", "bad.rejects", "bad.throws", "bad.timer-throws"]);
  });
});

describe("runInWorkers when the last example of a worker leaves a timer", () => {
  it("still warns about its late output", async () => {
    const root = corpus("late-last");
    const [example] = await examplesOf(root);
    const [result] = await runInWorkers([example!], { root, jobs: 1, timeout: 5000 });
    expect(result).toMatchObject({ status: "returned", stdout: "settled\n" });
    expect(result!.lateOutput).toEqual(["late tick\n"]);
  });
});

describe("runInWorkers aborted", () => {
  it("kills the workers started ahead and gives every example a crashed result naming the reason", async () => {
    const pool = corpus("pool");
    const examples = await examplesOf(pool);
    const controller = new AbortController();
    controller.abort(new Error("the run was interrupted by SIGTERM"));
    const workers = startWorkers(pool, 1);
    const results = await runInWorkers(examples, { root: pool, jobs: 2, timeout: 5000, workers, signal: controller.signal });
    expect(results.map((result) => [result.key, result.status, result.error?.message])).toEqual(
      examples.map((example) => [example.key, "crashed", "not run: the run was interrupted by SIGTERM"]),
    );
    expect(workers.workers.every((worker) => !worker.alive)).toBe(true);
  });
});

describe("runInWorkers with nothing to run", () => {
  it("resolves with no results and starts no worker", async () => {
    expect(await runInWorkers([], { root, jobs: 2, timeout: 1000 })).toEqual([]);
  });
});

describe("runInWorkers with one worker started ahead for a selective run", () => {
  const pool = corpus("pool");
  const pidsOf = async (kind: "quick" | "slow") => {
    const selected = (await examplesOf(pool)).filter((example) => example.key.endsWith(kind));
    const results = await runInWorkers(selected, { root: pool, jobs: 2, timeout: 5000, workers: startWorkers(pool, 1) });
    expect(results.map((entry) => entry.status)).toEqual(["returned", "returned", "returned", "returned"]);
    return new Set(results.map((entry) => entry.stdout));
  };

  it("runs a few quick examples in that worker rather than boot a second", async () => {
    expect((await pidsOf("quick")).size).toBe(1);
  });

  it("has that worker compile every file of the run as it starts, not one file per request", async () => {
    const selected = (await examplesOf(pool)).filter((example) => example.key.endsWith("quick"));
    const workers = startWorkers(pool, 1);
    const warmed: string[][] = [];
    const prepare = workers.workers[0]!.prepare.bind(workers.workers[0]!);
    workers.workers[0]!.prepare = (message) => {
      if (message.type === "warm") warmed.push(message.files.map((file) => path.relative(pool, file)));
      prepare(message);
    };
    await runInWorkers(selected, { root: pool, jobs: 2, timeout: 5000, workers });
    expect(warmed).toEqual([["examples/a.ts", "examples/b.ts", "examples/c.ts", "examples/d.ts"]]);
  });

  it("boots a second worker when the queue would keep the first busy longer than a boot takes", async () => {
    expect((await pidsOf("slow")).size).toBe(2);
  });
});

describe("runInWorkers with keys someone waits for", () => {
  const pool = corpus("pool");

  it("runs the file of an urgent key next, from whichever queue holds it, then the rest one file at a time", async () => {
    const selected = (await examplesOf(pool)).filter((example) => example.key.endsWith("quick"));
    const order: string[] = [];
    // asked for once the first file has run, as a page is during the dev server's first run
    const wanted = new Set<string>();
    await runInWorkers(selected, {
      root: pool, jobs: 1, timeout: 5000,
      urgent: () => wanted,
      onResult: (result) => {
        order.push(result.key);
        if (order.length === 1) wanted.add("pool.d.quick");
        if (result.key === "pool.d.quick") wanted.clear();
      },
    });
    expect(order).toEqual(["pool.a.quick", "pool.d.quick", "pool.b.quick", "pool.c.quick"]);
  }, 30_000);
});
