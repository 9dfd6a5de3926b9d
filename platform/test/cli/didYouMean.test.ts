import { expect, test } from "vitest";
import { didYouMean } from "../../src/cli/didYouMean.ts";

const flags = ["port", "host", "timeout", "workers", "service", "url", "token"];

test.each([
  // two letters swapped
  ["prot", flags, "port"],
  // one letter missing, one extra, one wrong
  ["timout", flags, "timeout"],
  ["hosts", flags, "host"],
  ["tokan", flags, "token"],
  // case does not count
  ["PORT", flags, "port"],
  // the nearest wins over a farther one
  ["tost", ["host", "toast-bread"], "host"],
  // too far from everything
  ["json", flags, undefined],
  ["days", flags, undefined],
  // nothing to choose from
  ["port", [], undefined],
] as const)("didYouMean(%j, ...) is %j", (value, candidates, expected) => {
  expect(didYouMean(value, candidates)).toBe(expected);
});
