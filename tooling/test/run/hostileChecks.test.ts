import { beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { openProject } from "../../src/project/openProject.ts";
import type { Run } from "../../src/records/Run.ts";
import { runExamples } from "../../src/run/runExamples.ts";
import { corpus } from "../support/corpus.ts";

const rows = (run: Run) =>
  run.verdicts
    .map((verdict) => [verdict.example.key, verdict.status, verdict.failures.map((failure) => `${failure.kind}: ${failure.message}`)])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));

// each verdict is the example's own: the same with one worker, two, and the files in reverse
describe.each([
  { mode: "jobs 1", jobs: 1, reversed: false },
  { mode: "jobs 2", jobs: 2, reversed: false },
  { mode: "jobs 2, examples in reverse order", jobs: 2, reversed: true },
])("runExamples on the hostile-checks corpus ($mode)", ({ jobs, reversed }) => {
  let run: Run;

  beforeAll(async () => {
    const project = await openProject(resolveConfig({ examples: ["examples/*.ts"], jobs }, corpus("hostile-checks")), { pages: false });
    run = await runExamples(reversed ? { ...project, examples: [...project.examples].reverse() } : project);
  }, 60_000);

  it("gives every example its exact verdict", () => {
    expect(rows(run)).toEqual([
      ["good.after", "passed", []],
      ["good.between", "passed", []],
      ["good.error", "passed", []],
      ["good.match", "passed", []],
      ["good.wildcards", "passed", []],
      ["hostile.runaway-error", "failed", ["error: the regex /(a+)+$/ took longer than 1000 ms on 35 characters of the error message"]],
      ["hostile.runaway-match", "failed", ["stdout: the regex /(a+)+$/ took longer than 1000 ms on 36 characters of output"]],
      ["hostile.wildcards-match", "passed", []],
      ["hostile.wildcards-miss", "failed", ["stdout: stdout does not match @expect"]],
      ["plain.miss", "failed", ["stdout: stdout does not match /nope/"]],
    ]);
  });

  it("shows the long line that missed in the diff", () => {
    const miss = run.verdicts.find((verdict) => verdict.example.key === "hostile.wildcards-miss")!;
    expect(miss.failures[0]!.diff).toBe(`--- expected\n+++ actual\n@@ -1,1 +1,1 @@\n-{...},{...},{...},{...}.\n+${"a,".repeat(2_000).trimEnd()}`);
  });
});
