import { expect, test } from "vitest";
import { createModelIndex } from "../../src/store/createModelIndex.ts";
import type { IndexedSummary } from "../../src/store/Store.ts";

const summary = (id: number, name: string, version: number, tags: Record<string, string>): IndexedSummary => ({ id, name, version, owner: "o", team: "t", description: "", createdAt: "2030-01-01T00:00:00.000Z", tags: { name, ...tags } });

test("finds by every tag, newest first, latest per name, up to the limit", () => {
  const index = createModelIndex([summary(1, "a", 1, { region: "us" }), summary(2, "b", 1, { region: "eu" }), summary(3, "a", 2, { region: "us", stage: "prod" })]);
  index.put(summary(4, "b", 2, { region: "us" }));
  const find = (tags: Record<string, string>, latest = false, limit = 50) => index.find({ tags, latest, limit }).map((model) => `${model.name}${model.version}`);
  expect(find({ region: "us" })).toEqual(["b2", "a2", "a1"]);
  expect(find({ region: "us", stage: "prod" })).toEqual(["a2"]);
  expect(find({}, true)).toEqual(["b2", "a2"]);
  expect(find({ region: "eu" }, true)).toEqual([]);
  expect(find({}, false, 2)).toEqual(["b2", "a2"]);
  expect(find({ region: "ap" })).toEqual([]);
  expect(index.size).toBe(4);
});

test("re-putting a version with changed tags moves it between posting lists, keeping the order", () => {
  const index = createModelIndex([summary(1, "a", 1, { stage: "dev" }), summary(2, "b", 1, { stage: "prod" }), summary(3, "c", 1, { stage: "prod" })]);
  index.put(summary(1, "a", 1, { stage: "prod" }));
  expect(index.find({ tags: { stage: "dev" }, latest: false, limit: 10 })).toEqual([]);
  expect(index.find({ tags: { stage: "prod" }, latest: false, limit: 10 }).map((model) => model.name)).toEqual(["c", "b", "a"]);
  expect(index.size).toBe(3);
});

test("keys named like Object.prototype's members index and match as tags", () => {
  const index = createModelIndex([summary(1, "a", 1, { constructor: "x", toString: "y" }), summary(2, "b", 1, {})]);
  const find = (tags: Record<string, string>) => index.find({ tags, latest: false, limit: 10 }).map((model) => model.name);
  expect(find({ constructor: "x", toString: "y" })).toEqual(["a"]);
  index.put(summary(1, "a", 1, { toString: "y" }));
  expect(find({ constructor: "x" })).toEqual([]);
  expect(find({ toString: "y" })).toEqual(["a"]);
});
