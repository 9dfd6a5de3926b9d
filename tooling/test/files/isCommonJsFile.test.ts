import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import { isCommonJsFile } from "../../src/files/isCommonJsFile.ts";
import { readExampleFiles } from "../../src/files/readExampleFiles.ts";

const root = mkdtempSync(path.join(tmpdir(), "exemplar-cjs-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const write = (file: string, text: string) => {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
};
write("package.json", JSON.stringify({ name: "cjs" }));
write("examples/a.ts", "export {};\n");
write("examples/b.mts", "export {};\n");
write("esm/package.json", JSON.stringify({ type: "module" }));
write("esm/c.ts", "export {};\n");
write("esm/d.cts", "export {};\n");

test("a .ts or .cts file under a package.json without \"type\": \"module\" runs with CommonJS's globals, as the loader decides", () => {
  expect(isCommonJsFile(path.join(root, "examples/a.ts"))).toBe(true);
  expect(isCommonJsFile(path.join(root, "examples/b.mts"))).toBe(false);
  expect(isCommonJsFile(path.join(root, "esm/c.ts"))).toBe(false);
  expect(isCommonJsFile(path.join(root, "esm/d.cts"))).toBe(false);
});

test("readExampleFiles marks those files", async () => {
  const sources = await readExampleFiles(root, ["examples/*", "esm/*.ts"]);
  expect(sources.map(({ file, commonjs }) => [file, commonjs ?? false])).toEqual([["esm/c.ts", false], ["examples/a.ts", true], ["examples/b.mts", false]]);
});
