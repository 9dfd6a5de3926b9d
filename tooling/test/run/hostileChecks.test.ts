import { beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { openProject } from "../../src/project/openProject.ts";
import type { Run } from "../../src/records/Run.ts";
import { runExamples } from "../../src/run/runExamples.ts";
import { corpus } from "../support/corpus.ts";

// the whole pipeline on examples whose expectations would hang an unbounded checker
describe("runExamples on the hostile-checks corpus", () => {
  let run: Run;

  beforeAll(async () => {
    const config = resolveConfig({ examples: ["examples/*.ts"], jobs: 2 }, corpus("hostile-checks"));
    run = await runExamples(await openProject(config, { pages: false }));
  }, 60_000);

  it("gives every example its exact verdict", () => {
    expect(run.verdicts.map((verdict) => [verdict.example.key, verdict.status, verdict.failures.map((failure) => `${failure.kind}: ${failure.message}`)])).toEqual([
      ["good.wildcards", "passed", []],
      ["good.match", "passed", []],
      ["hostile.runaway-match", "failed", ["stdout: the regex /(a+)+$/ took longer than 1000 ms on 36 characters of output"]],
      ["good.between", "passed", []],
      ["hostile.runaway-error", "failed", ["error: the regex /(a+)+$/ took longer than 1000 ms on 35 characters of the error message"]],
      ["hostile.wildcards-miss", "failed", ["stdout: stdout does not match @expect"]],
      ["hostile.wildcards-match", "passed", []],
      ["good.error", "passed", []],
      ["good.after", "passed", []],
      ["plain.miss", "failed", ["stdout: stdout does not match /nope/"]],
    ]);
  });

  it("shows the long line that missed in the diff", () => {
    const miss = run.verdicts.find((verdict) => verdict.example.key === "hostile.wildcards-miss")!;
    expect(miss.failures[0]!.diff).toBe(`--- expected\n+++ actual\n@@ -1,1 +1,1 @@\n-{...},{...},{...},{...}.\n+${"a,".repeat(2_000).trimEnd()}`);
  });
});
