import { describe, expect, it } from "vitest";
import type { CheckReport } from "../../src/checkProject.ts";
import type { Verdict } from "../../src/check/Verdict.ts";
import { findExamples } from "../../src/find/findExamples.ts";
import { mergeRun, type SiteState } from "../../src/vitepress/mergeRun.ts";
import { exampleFile } from "./fakeRuns.ts";

/** a report of a run over `texts` (file to text) in which the examples of `ran` files passed, printing `run` */
function runOf(texts: Record<string, string>, ran: string[] | "all", run: string) {
  const sources = Object.entries(texts).map(([file, text]) => ({ file, text }));
  const found = findExamples(sources);
  const selected = found.problems.length > 0 ? [] : found.examples.filter((example) => ran === "all" || ran.includes(example.file));
  const verdicts = selected.map((example): Verdict => ({
    example, status: "passed", failures: [], warnings: [],
    result: { key: example.key, status: "returned", stdout: run, stderr: "", durationMs: 1, unhandledRejections: [], uncaughtExceptions: [], lateOutput: [] },
  }));
  const report: CheckReport = { problems: found.problems, typeErrors: [], examples: selected, verdicts, updated: [], notUpdated: [], sources, durationMs: 0, timings: {} };
  return { report, found };
}
const outputs = (state: SiteState) => Object.fromEntries([...state.context.verdicts].map(([key, verdict]) => [key, verdict.result.stdout]));
const empty: SiteState = { report: runOf({}, "all", "").report, context: { examples: [], sources: new Map(), verdicts: new Map() } };
const both = { "examples/a.ts": exampleFile("a.one"), "examples/b.ts": exampleFile("b.one") };

describe("mergeRun", () => {
  const first = (() => {
    const { report, found } = runOf(both, "all", "1");
    return mergeRun(empty, report, found);
  })();

  it("takes every verdict of a run of all examples", () => {
    expect(outputs(first)).toEqual({ "a.one": "1", "b.one": "1" });
  });

  it("replaces the verdicts of the covered files only", () => {
    const { report, found } = runOf(both, ["examples/a.ts"], "2");
    expect(outputs(mergeRun(first, report, found, new Set(["examples/a.ts"])))).toEqual({ "a.one": "2", "b.one": "1" });
  });

  it("drops the verdicts of examples gone from the files", () => {
    const { report, found } = runOf({ ...both, "examples/b.ts": "export const nothing = 1;\n" }, ["examples/b.ts"], "2");
    expect(outputs(mergeRun(first, report, found, new Set(["examples/b.ts"])))).toEqual({ "a.one": "1" });
  });

  it("keeps the examples and verdicts through a run with problems, reporting those", () => {
    const { report, found } = runOf({ ...both, "examples/a.ts": "export function (\n" }, ["examples/a.ts"], "2");
    const merged = mergeRun(first, report, found, new Set(["examples/a.ts"]));
    expect(merged.context).toBe(first.context);
    expect(merged.report.problems[0]).toMatchObject({ file: "examples/a.ts", line: 1, message: "syntax error: Identifier expected." });
    expect(merged.report.verdicts.map((verdict) => verdict.example.key)).toEqual(["a.one", "b.one"]);
  });
});
