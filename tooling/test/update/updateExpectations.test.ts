import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { openProject } from "../../src/project/openProject.ts";
import type { Run } from "../../src/records/Run.ts";
import { runExamples } from "../../src/run/runExamples.ts";
import type { ExpectUpdates } from "../../src/records/ExpectUpdate.ts";
import { updateExpectations } from "../../src/update/updateExpectations.ts";
import { copyCorpus, corpus } from "../support/corpus.ts";
import { expectGolden } from "../support/golden.ts";

const statuses = (run: Run) => Object.fromEntries(run.verdicts.map((verdict) => [verdict.example.key, verdict.status]));
/** opens the project at `root`, runs it, and updates its failing @expect blocks */
async function runAndUpdate(root: string): Promise<{ run: Run; updates: ExpectUpdates }> {
  const project = await openProject(resolveConfig({ examples: ["examples/*.ts"], jobs: 1 }, root), { pages: false });
  const run = await runExamples(project);
  return { run, updates: await updateExpectations(project, run) };
}

describe("updateExpectations (check --update)", () => {
  const expected = readFileSync(path.join(corpus("update"), "expected", "update.ts"), "utf8");
  let lf: { root: string; remove: () => void };
  let crlf: { root: string; remove: () => void };
  let lfReport: { run: Run; updates: ExpectUpdates };
  let crlfReport: { run: Run; updates: ExpectUpdates };

  beforeAll(async () => {
    lf = copyCorpus("update");
    crlf = copyCorpus("update");
    const crlfFile = path.join(crlf.root, "examples", "update.ts");
    writeFileSync(crlfFile, readFileSync(crlfFile, "utf8").replace(/\n/g, "\r\n"));
    [lfReport, crlfReport] = await Promise.all([
      runAndUpdate(lf.root),
      runAndUpdate(crlf.root),
    ]);
  });
  afterAll(() => {
    lf.remove();
    crlf.remove();
  });

  it("rewrites only the failing @expect blocks, keeping matched wildcard lines; nothing else in the file changes", () => {
    expectGolden(path.join(corpus("update"), "expected", "update.ts"), readFileSync(path.join(lf.root, "examples", "update.ts"), "utf8"));
  });

  it("keeps CRLF line endings", () => {
    expect(readFileSync(path.join(crlf.root, "examples", "update.ts"), "utf8")).toBe(expected.replace(/\n/g, "\r\n"));
  });

  it("reports what it updated and what it would not", () => {
    for (const report of [lfReport, crlfReport]) {
      expect(report.updates.updated).toEqual([
        { key: "update.stale", file: "examples/update.ts", line: 14 },
        { key: "update.was-empty", file: "examples/update.ts", line: 54 },
        { key: "update.becomes-empty", file: "examples/update.ts", line: 68 },
        { key: "update.indented", file: "examples/update.ts", line: 75 },
      ]);
      expect(report.updates.notUpdated).toEqual([
        { key: "update.threw", file: "examples/update.ts", line: 37, reason: "not updated: threw Error: broken before the end" },
      ]);
    }
  });

  it("still reports the verdicts of the run that was updated", () => {
    expect(statuses(lfReport.run)).toEqual({
      "update.stale": "failed", "update.passing": "passed", "update.threw": "failed", "update.contains": "failed",
      "update.was-empty": "failed", "update.becomes-empty": "failed", "update.indented": "failed",
    });
  });

  it("passes every updated example on the next run", async () => {
    const project = await openProject(resolveConfig({ examples: ["examples/*.ts"], jobs: 1 }, lf.root), { pages: false });
    expect(statuses(await runExamples(project))).toEqual({
      "update.stale": "passed", "update.passing": "passed", "update.threw": "failed", "update.contains": "failed",
      "update.was-empty": "passed", "update.becomes-empty": "passed", "update.indented": "passed",
    });
  });
});
