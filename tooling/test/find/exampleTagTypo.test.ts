import { expect, test } from "vitest";
import { isExampleTagTypo } from "../../src/find/exampleTagTypo.ts";

test.each<[string, boolean]>([
  // the tag itself is not a typo
  ["example", false],
  // any case
  ["Example", true],
  ["EXAMPLE", true],
  // one edit: a letter more, less or wrong
  ["examples", true],
  ["exampl", true],
  ["xample", true],
  ["exampel", true],
  // two edits starting with `ex`: a transposition
  ["exmaple", true],
  // two edits elsewhere: another word
  ["sample", false],
  // ordinary JSDoc tags
  ["param", false],
  ["expect", false],
  ["remarks", false],
])("%s -> %s", (name, typo) => {
  expect(isExampleTagTypo(name)).toBe(typo);
});
