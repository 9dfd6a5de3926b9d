import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { parseProject } from "../../src/project/parseProject.ts";
import { swapFile } from "../../src/project/swapFile.ts";
import { exampleFile } from "../vitepress/fakeRuns.ts";

const project = parseProject({
  config: resolveConfig({}, "/project"),
  sources: [{ file: "examples/a.ts", text: exampleFile("a.one") }, { file: "examples/b.ts", text: exampleFile("b.one") }],
});
const keys = (swapped: typeof project) => swapped.examples.map((example) => example.key);

describe("swapFile", () => {
  it("replaces a file's text and finds its examples again, reusing the other files' trees", () => {
    const swapped = swapFile(project, "examples/b.ts", exampleFile("b.one", "b.two"));
    expect(keys(swapped)).toEqual(["a.one", "b.one", "b.two"]);
    expect(swapped.parsed.get("examples/a.ts")).toBe(project.parsed.get("examples/a.ts"));
    expect(swapped.parsed.get("examples/b.ts")).not.toBe(project.parsed.get("examples/b.ts"));
    // the project it was given is left as it was
    expect(keys(project)).toEqual(["a.one", "b.one"]);
  });

  it("adds a file it did not have, in path order, and drops one that is gone", () => {
    expect(swapFile(project, "examples/0.ts", exampleFile("zero")).sources.map((source) => source.file)).toEqual(["examples/0.ts", "examples/a.ts", "examples/b.ts"]);
    expect(keys(swapFile(project, "examples/a.ts", undefined))).toEqual(["b.one"]);
  });

  it("finds problems across files again: a key the saved file now shares with another", () => {
    const swapped = swapFile(project, "examples/b.ts", exampleFile("a.one"));
    expect(swapped.problems.map((problem) => `${problem.file}:${problem.line}`)).toEqual(["examples/a.ts:5", "examples/b.ts:5"]);
    expect(swapped.problems[0]!.message).toMatch(/duplicate example key `a\.one`/);
  });

  it("checks the saved file's snippets again and keeps the other files' findings, in file order", () => {
    const hidden = (key: string) => `/**\n * @example ${key}\n * @expect\n */\nexport function f() {\n  const dir = "/tmp"; // hide\n  console.log(dir);\n}\n`;
    const places = (swapped: typeof project) => swapped.standAlone.map((problem) => `${problem.key} ${problem.file}:${problem.line}:${problem.column}`);
    const both = swapFile(swapFile(project, "examples/b.ts", hidden("b.one")), "examples/a.ts", hidden("a.one"));
    expect(places(both)).toEqual(["a.one examples/a.ts:7:15", "b.one examples/b.ts:7:15"]);
    // the file fixed: its finding goes, the other file's stays
    expect(places(swapFile(both, "examples/a.ts", exampleFile("a.one")))).toEqual(["b.one examples/b.ts:7:15"]);
    expect(places(swapFile(both, "examples/b.ts", undefined))).toEqual(["a.one examples/a.ts:7:15"]);
  });
});
