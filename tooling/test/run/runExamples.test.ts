import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig, type ResolvedConfig } from "../../src/config/loadConfig.ts";
import { ExemplarError } from "../../src/errors/ExemplarError.ts";
import { openProject } from "../../src/project/openProject.ts";
import { parseProject } from "../../src/project/parseProject.ts";
import type { Run } from "../../src/records/Run.ts";
import { summarize } from "../../src/report/summarize.ts";
import { runExamples, type RunExamplesOptions } from "../../src/run/runExamples.ts";
import type { Selection } from "../../src/run/selectExamples.ts";
import { corpus } from "../support/corpus.ts";

const statuses = (run: Run) => Object.fromEntries(run.verdicts.map((verdict) => [verdict.example.key, verdict.status]));
const openAndRun = async (config: ResolvedConfig, selection: Selection = {}, options: RunExamplesOptions = {}) => runExamples(await openProject(config, { pages: false }), selection, options);

describe("runExamples with a setup module", () => {
  const root = corpus("setup");
  const logDir = mkdtempSync(path.join(tmpdir(), "exemplar-setup-log-"));
  const log = path.join(logDir, "log.txt");
  let report: Run;

  beforeAll(async () => {
    process.env.EXEMPLAR_TEST_SETUP_LOG = log;
    report = await openAndRun(resolveConfig({ examples: ["examples/*.ts"], setup: "setup.ts", jobs: 2 }, root));
  });
  afterAll(() => rmSync(logDir, { recursive: true, force: true }));

  it("hands the env the setup returned to the examples", () => {
    expect(statuses(report)).toEqual({ "env.greeting": "passed", "env.fails": "failed" });
    expect(report.verdicts[1]!.result.stdout).toBe("hello from setup\n");
  });

  it("runs setup once before and teardown once after, though an example failed", () => {
    expect(readFileSync(log, "utf8")).toBe("setup\nteardown\n");
  });

  it("is an error when the setup module is missing, and runs nothing", async () => {
    const started: string[] = [];
    const checking = openAndRun(resolveConfig({ examples: ["examples/*.ts"], setup: "missing-setup.ts" }, root), {}, {
      onResult: (result) => started.push(result.key),
    });
    await expect(checking).rejects.toThrow(ExemplarError);
    await expect(checking).rejects.toMatchObject({
      code: "EXEMPLAR_SETUP_NOT_FOUND",
      message: expect.stringMatching(/^setup module not found: .*\/setup\/missing-setup\.ts \(from `setup` in the config\)$/),
    });
    expect(started).toEqual([]);
  });
});

describe("runExamples on the outcomes corpus, filtered", () => {
  it("runs only the examples whose key matches the filter, and counts skipped ones", async () => {
    const report = await openAndRun(resolveConfig({ examples: ["examples/*.ts"], jobs: 2 }, corpus("outcomes")), { filter: "good.*" });
    expect(report.ran).toBe(true);
    expect(statuses(report)).toEqual({ "good.interleaved-a": "passed", "good.console-methods": "passed", "good.skipped": "skipped" });
    expect(summarize(report)).toEqual({ passed: 2, failed: 0, skipped: 1 });
  });
});

describe("runExamples with the example files already read", () => {
  const root = corpus("outcomes");
  const config = () => resolveConfig({ examples: ["examples/*.ts"], jobs: 1 }, root);

  it("runs the examples of the project it is handed, without reading the globs again", async () => {
    const a = readFileSync(path.join(root, "examples", "a-good.ts"), "utf8");
    const run = await runExamples(parseProject({ config: config(), sources: [{ file: "examples/a-good.ts", text: a }] }), { filter: "good.*" });
    expect(statuses(run)).toEqual({ "good.interleaved-a": "passed", "good.console-methods": "passed", "good.skipped": "skipped" });
  });

  it("runs only the examples of the selected files, or with the selected keys", async () => {
    const project = await openProject(config(), { pages: false });
    expect(Object.keys(statuses(await runExamples(project, { files: ["examples/a-good.ts"], filter: "good.*" })))).toEqual(["good.interleaved-a", "good.console-methods", "good.skipped"]);
    expect(statuses(await runExamples(project, { keys: ["good.console-methods", "no.such-key"] }))).toEqual({ "good.console-methods": "passed" });
  });

  it("runs nothing when the files it is handed have problems", async () => {
    const started: string[] = [];
    const sources = [{ file: "examples/a-good.ts", text: "/**\n * @example Bad_Key\n * @expect x\n */\nexport function f() {}\n" }];
    const project = parseProject({ config: config(), sources });
    const run = await runExamples(project, {}, { onResult: (result) => started.push(result.key) });
    expect(project.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^invalid example key `Bad_Key`/)]);
    expect(run).toMatchObject({ ran: false, verdicts: [] });
    expect(started).toEqual([]);
  });
});
