import { expect, test } from "vitest";
import { parseShard, selectShard } from "../../src/batch/selectShard.ts";

test("N shards together cover every part exactly once, the same way on every machine", () => {
  const parts = Array.from({ length: 11 }, (_, index) => `part-${index}.parquet`);
  for (const count of [1, 2, 3, 5, 11, 16]) {
    const shards = Array.from({ length: count }, (_, index) => selectShard(parts, { index, count }));
    expect(shards.flat().sort()).toEqual([...parts].sort());
    expect(Array.from({ length: count }, (_, index) => selectShard(parts, { index, count }))).toEqual(shards);
  }
  expect(selectShard(parts, undefined)).toEqual(parts);
});

test.each(["2/2", "1/0", "a/3", "-1/3", "1", ""])("--shard %j is refused naming the value", (text) => {
  expect(() => parseShard(text)).toThrow(new RegExp(`^--shard ${text}: expected i/N with 0 <= i < N`));
});

test("--shard i/N reads as index and count", () => {
  expect(parseShard("1/4")).toEqual({ index: 1, count: 4 });
});
