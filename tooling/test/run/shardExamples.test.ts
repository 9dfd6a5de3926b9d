import { describe, expect, it } from "vitest";
import type { Example } from "../../src/records/Example.ts";
import { parseShard, shardExamples } from "../../src/run/shardExamples.ts";

/** examples in files f0..f(n-1), `perFile` each */
const examples = (files: number, perFile: number): Example[] =>
  Array.from({ length: files * perFile }, (_, index) => ({ key: `f${Math.floor(index / perFile)}.e${index % perFile}`, file: `examples/f${Math.floor(index / perFile)}.ts` }) as Example);

describe("shardExamples", () => {
  it("puts every example in exactly one of the shards, whatever the count", () => {
    const all = examples(37, 3);
    for (const count of [1, 2, 3, 4, 7, 50]) {
      const shards = Array.from({ length: count }, (_, index) => shardExamples(all, { index: index + 1, count }).map((example) => example.key));
      expect(shards.flat().sort()).toEqual(all.map((example) => example.key).sort());
    }
  });

  it("keeps a file's examples in one shard, and deals the same way every time", () => {
    const all = examples(10, 4);
    const once = shardExamples(all, { index: 2, count: 3 });
    expect(shardExamples([...all].reverse(), { index: 2, count: 3 }).map((example) => example.key).sort()).toEqual(once.map((example) => example.key).sort());
    for (const file of new Set(once.map((example) => example.file))) expect(once.filter((example) => example.file === file)).toHaveLength(4);
  });

  it("balances by the last known durations: a slow file gets a shard to itself", () => {
    const all = examples(5, 1);
    const durations = new Map([["f3.e0", 10_000]]);
    expect(shardExamples(all, { index: 1, count: 2 }, durations).map((example) => example.key)).toEqual(["f3.e0"]);
    expect(shardExamples(all, { index: 2, count: 2 }, durations).map((example) => example.key)).toEqual(["f0.e0", "f1.e0", "f2.e0", "f4.e0"]);
  });
});

describe("parseShard", () => {
  it("reads i/n and says what is wrong with anything else", () => {
    expect(parseShard("2/4")).toEqual({ index: 2, count: 4 });
    expect(parseShard("0/4")).toMatch(/between 1 and the count/);
    expect(parseShard("5/4")).toMatch(/between 1 and the count/);
    expect(parseShard("2 of 4")).toBe("--shard expects i/n, such as 2/4, got `2 of 4`");
  });
});
