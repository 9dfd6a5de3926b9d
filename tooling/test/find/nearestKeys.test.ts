import { expect, test } from "vitest";
import { nearestKeys } from "../../src/find/nearestKeys.ts";

const keys = ["registry.save", "registry.find", "serve.one", "deploy.rule"];

test.each<[string, number, string[]]>([
  // the closest first, whatever the case
  ["Registry.fnd", 2, ["registry.find", "registry.save"]],
  // a glob is compared as written
  ["serve.*", 1, ["serve.one"]],
  // never more keys than there are
  ["x", 9, ["serve.one", "deploy.rule", "registry.save", "registry.find"]],
  // ties keep the keys' order
  ["", 4, ["serve.one", "deploy.rule", "registry.save", "registry.find"]],
])("%s (%i)", (value, count, expected) => {
  expect(nearestKeys(value, keys, count)).toEqual(expected);
});
