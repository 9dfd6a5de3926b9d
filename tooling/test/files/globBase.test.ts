import { expect, test } from "vitest";
import { globBase } from "../../src/files/globBase.ts";

test.each([
  ["examples/**/*.ts", "examples"],
  ["examples/platform/*.ts", "examples/platform"],
  ["docs/examples/{a,b}/*.ts", "docs/examples"],
  ["src/**/[ab].ts", "src"],
  ["*.ts", "."],
  ["**/*.ts", "."],
  ["examples/one.ts", "examples"],
])("the folder `%s` starts from is %s", (pattern, base) => {
  expect(globBase(pattern)).toBe(base);
});
