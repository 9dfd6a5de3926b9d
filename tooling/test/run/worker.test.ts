import { beforeAll, describe, expect, it } from "vitest";
import { outputLimitBytes, type RunResult } from "../../src/records/RunResult.ts";
import { forkWorker } from "../../src/run/forkWorker.ts";
import type { FromWorker } from "../../src/run/protocol.ts";
import { runInWorkers } from "../../src/run/runInWorkers.ts";
import { corpus } from "../support/corpus.ts";
import { examplesOf } from "../support/examplesOf.ts";

// the `huge-output` corpus: examples that write 5 MB to a stream, run in one worker so that each
// neighbour follows a loud example
const root = corpus("huge-output");
const mb = 1024 * 1024;
let results: RunResult[];

beforeAll(async () => {
  results = await runInWorkers(await examplesOf(root), { root, jobs: 1, timeout: 20_000 });
}, 60_000);

const result = (key: string) => results.find((candidate) => candidate.key === key)!;
const bytes = (text: string) => Buffer.byteLength(text);

describe("the worker keeps at most 1 MB of each stream of an example", () => {
  it("keeps the first 1 MB of stdout written in lines, and counts the other 4 MB", () => {
    const { stdout, stdoutTruncatedBytes, stderrTruncatedBytes } = result("huge.lines");
    expect(bytes(stdout)).toBe(outputLimitBytes);
    expect(stdoutTruncatedBytes).toBe(4 * mb);
    expect(stderrTruncatedBytes).toBeUndefined();
    expect(stdout.split("\n").slice(0, 2).map((line) => line.slice(0, 6))).toEqual(["000000", "000001"]);
    expect(stdout.endsWith(`001023 ${"x".repeat(1016)}\n`)).toBe(true);
  });

  it("cuts one 5 MB write before the character that crosses the limit, and caps stderr apart", () => {
    const { stdout, stdoutTruncatedBytes, stderr, stderrTruncatedBytes } = result("huge.one-write");
    // "a" and 262,143 emoji of 4 bytes: the next emoji would end one byte past the limit
    expect(bytes(stdout)).toBe(outputLimitBytes - 3);
    // no half emoji: the text survives a round trip through UTF-8
    expect(Buffer.from(stdout).toString()).toBe(stdout);
    expect(bytes(stdout) + stdoutTruncatedBytes!).toBe(1 + 5 * mb);
    expect(bytes(stderr)).toBe(outputLimitBytes);
    expect(stderrTruncatedBytes).toBe(4 * mb);
  });

  it("keeps 1 MB of what a stray timer wrote after the example returned, in a few pieces, and counts the rest", () => {
    const { stdout, lateOutput, lateOutputTruncatedBytes } = result("huge.late");
    expect(stdout).toBe("returned\n");
    expect(bytes(lateOutput.join(""))).toBe(outputLimitBytes);
    expect(lateOutputTruncatedBytes).toBe(4 * mb);
    // sent once per turn of the event loop, not once per write
    expect(lateOutput.length).toBeLessThan(5);
  });

  it("gives the next example a budget of its own", () => {
    expect(result("huge.neighbour")).toMatchObject({ status: "returned", stdout: "small\n" });
    expect(Object.keys(result("huge.neighbour")).filter((field) => field.endsWith("TruncatedBytes"))).toEqual([]);
  });

  it("counts what a module printed while it loaded in its first example's budget", () => {
    const { stdout, stdoutTruncatedBytes } = result("loud.module");
    expect(bytes(stdout)).toBe(outputLimitBytes);
    expect(stdout.startsWith("m".repeat(600 * 1024) + "e")).toBe(true);
    expect(stdoutTruncatedBytes).toBe(1200 * 1024 - outputLimitBytes);
  });
});

describe("the worker's answer to the pool's `status` (an example's time is up)", () => {
  it("says the example has not started when none is running yet, rather than naming its own pipes", async () => {
    const { child } = forkWorker(root, process.env);
    const messages: FromWorker[] = [];
    child.on("message", (message: FromWorker) => messages.push(message));
    const until = async (type: FromWorker["type"]) => {
      while (!messages.some((message) => message.type === type)) await new Promise((resolve) => setTimeout(resolve, 10));
      return messages.find((message) => message.type === type)!;
    };
    try {
      await until("ready");
      child.send({ type: "status" });
      // was "3 PipeWrap", told as what the example awaited, on a loaded machine in CI
      expect(await until("status")).toEqual({ type: "status", waitingOn: [], starting: true });
    } finally {
      child.kill("SIGKILL");
    }
  }, 30_000);
});
