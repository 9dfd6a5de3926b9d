import { describe, expect, it } from "vitest";
import { coalesceRuns } from "../../src/vitepress/coalesceRuns.ts";

/** a run that records its items and finishes when the test says */
function gatedRuns() {
  const started: string[][] = [];
  const finish: Array<(fail?: Error) => void> = [];
  const ask = coalesceRuns(async (items) => {
    started.push(items);
    await new Promise<void>((resolve, reject) => finish.push((fail) => (fail ? reject(fail) : resolve())));
    return items.join("+");
  });
  const tick = () => new Promise((resolve) => setTimeout(resolve, 0));
  return { started, finish, ask, tick };
}

describe("coalesceRuns", () => {
  it("runs at once when idle, then once more after the running batch for everything asked meanwhile", async () => {
    const { started, finish, ask, tick } = gatedRuns();
    const a = ask("a");
    await tick();
    const [b, c, b2] = [ask("b"), ask("c"), ask("b")];
    await tick();
    expect(started).toEqual([["a"]]);
    finish[0]!();
    expect(await a).toBe("a");
    await tick();
    expect(started).toEqual([["a"], ["b", "c"]]);
    finish[1]!();
    expect(await Promise.all([b, c, b2])).toEqual(["b+c", "b+c", "b+c"]);
  });

  it("asks made while a batch waits join it; one asked once it runs makes the next", async () => {
    const { started, finish, ask, tick } = gatedRuns();
    void ask("a");
    await tick();
    void ask("b");
    await tick();
    finish[0]!();
    await tick();
    // "a" again: its run started before this save, so it runs once more
    const again = ask("a");
    await tick();
    expect(started).toEqual([["a"], ["b"]]);
    finish[1]!();
    await tick();
    expect(started).toEqual([["a"], ["b"], ["a"]]);
    finish[2]!();
    expect(await again).toBe("a");
  });

  it("rejects only the callers of a batch that throws, and runs the next one", async () => {
    const { started, finish, ask, tick } = gatedRuns();
    const a = ask("a");
    await tick();
    const b = ask("b");
    finish[0]!(new Error("worker crashed"));
    await expect(a).rejects.toThrow("worker crashed");
    await tick();
    expect(started).toEqual([["a"], ["b"]]);
    finish[1]!();
    expect(await b).toBe("b");
  });
});
