import { expect, test } from "vitest";
import { createLane } from "../../src/server/createLane.ts";

test("runs one task at a time, in arrival order; a failure fails its own task only", async () => {
  const lane = createLane();
  const log: string[] = [];
  let running = 0;
  const task = (name: string, fail = false) => async () => {
    running++;
    expect(running).toBe(1);
    log.push(`start ${name}`);
    await new Promise((resolve) => setImmediate(resolve));
    log.push(`end ${name}`);
    running--;
    if (fail) throw new Error(name);
    return name;
  };
  const results = await Promise.allSettled([lane(task("a")), lane(task("b", true)), lane(task("c"))]);
  expect(results.map((result) => (result.status === "fulfilled" ? result.value : (result.reason as Error).message))).toEqual(["a", "b", "c"]);
  expect(log).toEqual(["start a", "end a", "start b", "end b", "start c", "end c"]);
});
