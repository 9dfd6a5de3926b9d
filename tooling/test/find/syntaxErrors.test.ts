import { readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { parseExampleSource } from "../../src/find/parseExampleSource.ts";
import { programSyntaxErrors, syntaxErrors } from "../../src/find/syntaxErrors.ts";

const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));

test("the syntax errors read from the parsed files are those a program hands out", () => {
  const files = ["syntax-error.ts", "tags.ts"].map((name) => parseExampleSource(name, readFileSync(path.join(fixtures, name), "utf8")));
  const read = syntaxErrors(files);
  expect(read.get("syntax-error.ts")!.length).toBeGreaterThan(0);
  expect(read.get("tags.ts")).toEqual([]);
  expect(read).toEqual(programSyntaxErrors(files));
});
