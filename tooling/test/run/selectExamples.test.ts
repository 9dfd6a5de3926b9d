import { expect, test } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { parseProject } from "../../src/project/parseProject.ts";
import { selectExamples, type Selection } from "../../src/run/selectExamples.ts";
import { exampleFile } from "../vitepress/fakeRuns.ts";

const project = parseProject({
  config: resolveConfig({}, "/project"),
  sources: [{ file: "examples/a.ts", text: exampleFile("registry.save", "registry.find") }, { file: "examples/b.ts", text: exampleFile("serve.one") }],
});

test.each<[string, Selection, string[]]>([
  // nothing given: every example, in project order
  ["all", {}, ["registry.save", "registry.find", "serve.one"]],
  // a key glob, as --filter takes it
  ["filter", { filter: "registry.*" }, ["registry.save", "registry.find"]],
  // the dev server's saved files
  ["files", { files: ["examples/b.ts"] }, ["serve.one"]],
  // the keys output blocks show; an unknown key selects nothing
  ["keys", { keys: ["serve.one", "no.such"] }, ["serve.one"]],
  // every criterion must hold
  ["filter and files", { filter: "registry.*", files: ["examples/b.ts"] }, []],
])("%s", (_name, selection, expected) => {
  expect(selectExamples(project, selection).map((example) => example.key)).toEqual(expected);
});
