import { expect } from "vitest";
import type { Example } from "../../src/records/Example.ts";
import { readExampleFiles } from "../../src/files/readExampleFiles.ts";
import { findExamples } from "../../src/find/findExamples.ts";

/** The examples of a project folder, which must be free of problems. */
export async function examplesOf(root: string, globs: string[] = ["examples/*.ts"]): Promise<Example[]> {
  const found = findExamples(await readExampleFiles(root, globs));
  expect(found.problems).toEqual([]);
  return found.examples;
}
