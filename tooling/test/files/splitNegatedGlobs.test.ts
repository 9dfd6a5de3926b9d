import { expect, test } from "vitest";
import { exampleIgnores } from "../../src/files/exampleIgnores.ts";
import { splitNegatedGlobs } from "../../src/files/splitNegatedGlobs.ts";

test("globs with a leading ! become what every other glob leaves out, beside packages and declarations", () => {
  expect(splitNegatedGlobs(["examples/**/*.ts", "!examples/setup.ts", "lib/*.ts"])).toEqual({
    patterns: ["examples/**/*.ts", "lib/*.ts"],
    ignore: [...exampleIgnores, "examples/setup.ts"],
  });
});
