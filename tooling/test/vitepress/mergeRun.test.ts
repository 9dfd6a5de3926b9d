import { describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { parseProject } from "../../src/project/parseProject.ts";
import type { Verdict } from "../../src/records/Verdict.ts";
import { mergeRun, type SiteState } from "../../src/vitepress/mergeRun.ts";
import { exampleFile } from "./fakeRuns.ts";

/** a project of `texts` (file to text), and a run of it in which the examples of `ran` files passed, printing `run` */
function runOf(texts: Record<string, string>, ran: string[] | "all", run: string) {
  const project = parseProject({ config: resolveConfig({}, "/project"), sources: Object.entries(texts).map(([file, text]) => ({ file, text })) });
  const selected = project.problems.length > 0 ? [] : project.examples.filter((example) => ran === "all" || ran.includes(example.file));
  const verdicts = selected.map((example): Verdict => ({
    example, status: "passed", failures: [], warnings: [],
    result: { key: example.key, status: "returned", stdout: run, stderr: "", durationMs: 1, unhandledRejections: [], uncaughtExceptions: [], lateOutput: [] },
  }));
  return { project, run: { examples: selected, verdicts, ran: project.problems.length === 0, durationMs: 0 } };
}
const outputs = (state: SiteState) => Object.fromEntries([...state.verdicts].map(([key, verdict]) => [key, verdict.result.stdout]));
const both = { "examples/a.ts": exampleFile("a.one"), "examples/b.ts": exampleFile("b.one") };

describe("mergeRun", () => {
  const first = (() => {
    const { project, run } = runOf(both, "all", "1");
    return mergeRun(undefined, project, run);
  })();

  it("takes every verdict of a run of all examples", () => {
    expect(outputs(first)).toEqual({ "a.one": "1", "b.one": "1" });
  });

  it("replaces the verdicts of the covered examples only", () => {
    const { project, run } = runOf(both, ["examples/a.ts"], "2");
    expect(outputs(mergeRun(first, project, run, new Set(["a.one"])))).toEqual({ "a.one": "2", "b.one": "1" });
  });

  it("keeps the verdict of an example of a saved file that did not run again, at its new place", () => {
    const { project, run } = runOf({ ...both, "examples/b.ts": `// moved\n${both["examples/b.ts"]}` }, [], "2");
    const merged = mergeRun(first, project, run, new Set());
    expect(outputs(merged)).toEqual({ "a.one": "1", "b.one": "1" });
    expect(merged.verdicts.get("b.one")?.example.line).toBe(first.verdicts.get("b.one")!.example.line + 1);
  });

  it("drops the verdicts of examples gone from the files", () => {
    const { project, run } = runOf({ ...both, "examples/b.ts": "export const nothing = 1;\n" }, ["examples/b.ts"], "2");
    expect(outputs(mergeRun(first, project, run, new Set(["b.one"])))).toEqual({ "a.one": "1" });
  });

  it("keeps the examples and verdicts through a run with problems, reporting those", () => {
    const { project, run } = runOf({ ...both, "examples/a.ts": "export function (\n" }, ["examples/a.ts"], "2");
    const merged = mergeRun(first, project, run, new Set(["a.one"]));
    expect(merged.context).toBe(first.context);
    expect(merged.verdicts).toBe(first.verdicts);
    expect(merged.report.problems[0]).toMatchObject({ file: "examples/a.ts", line: 1, message: "syntax error: Identifier expected." });
    expect(merged.report.verdicts.map((verdict) => verdict.example.key)).toEqual(["a.one", "b.one"]);
  });
});
