import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checkProject, type CheckReport } from "../src/checkProject.ts";
import { resolveConfig } from "../src/config/loadConfig.ts";
import { ExemplarError } from "../src/errors/ExemplarError.ts";
import { readExampleFiles } from "../src/files/readExampleFiles.ts";
import { summarize } from "../src/report/summarize.ts";
import { copyCorpus, corpus } from "./support/corpus.ts";
import { expectGolden } from "./support/golden.ts";

const statuses = (report: CheckReport) => Object.fromEntries(report.verdicts.map((verdict) => [verdict.example.key, verdict.status]));

describe("checkProject with a setup module", () => {
  const root = corpus("setup");
  const logDir = mkdtempSync(path.join(tmpdir(), "exemplar-setup-log-"));
  const log = path.join(logDir, "log.txt");
  let report: CheckReport;

  beforeAll(async () => {
    process.env.EXEMPLAR_TEST_SETUP_LOG = log;
    report = await checkProject(resolveConfig({ examples: ["examples/*.ts"], setup: "setup.ts", jobs: 2 }, root));
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
    const checking = checkProject(resolveConfig({ examples: ["examples/*.ts"], setup: "missing-setup.ts" }, root), {
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

describe("checkProject on the outcomes corpus, filtered", () => {
  it("runs only the examples whose key matches the filter, and counts skipped ones", async () => {
    const report = await checkProject(resolveConfig({ examples: ["examples/*.ts"], jobs: 2 }, corpus("outcomes")), { filter: "good.*" });
    expect(report.problems).toEqual([]);
    expect(statuses(report)).toEqual({ "good.interleaved-a": "passed", "good.console-methods": "passed", "good.skipped": "skipped" });
    expect(summarize(report)).toEqual({ passed: 2, failed: 0, skipped: 1 });
  });
});

describe("checkProject with the example files already read", () => {
  const root = corpus("outcomes");
  const config = () => resolveConfig({ examples: ["examples/*.ts"], jobs: 1 }, root);

  it("searches the files it is handed instead of reading the globs again", async () => {
    const sources = (await readExampleFiles(root, ["examples/*.ts"])).filter((source) => source.file === "examples/a-good.ts");
    const report = await checkProject(config(), { sources, filter: "good.*" });
    expect(report.sources.map((source) => source.file)).toEqual(["examples/a-good.ts"]);
    expect(statuses(report)).toEqual({ "good.interleaved-a": "passed", "good.console-methods": "passed", "good.skipped": "skipped" });
  });

  it("runs nothing when the files it is handed have problems", async () => {
    const started: string[] = [];
    const sources = [{ file: "examples/a-good.ts", text: "/**\n * @example Bad_Key\n * @expect x\n */\nexport function f() {}\n" }];
    const report = await checkProject(config(), { sources, onResult: (result) => started.push(result.key) });
    expect(report.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^invalid example key `Bad_Key`/)]);
    expect(report.verdicts).toEqual([]);
    expect(started).toEqual([]);
  });
});

describe("checkProject --update", () => {
  const expected = readFileSync(path.join(corpus("update"), "expected", "update.ts"), "utf8");
  let lf: { root: string; remove: () => void };
  let crlf: { root: string; remove: () => void };
  let lfReport: CheckReport;
  let crlfReport: CheckReport;

  beforeAll(async () => {
    lf = copyCorpus("update");
    crlf = copyCorpus("update");
    const crlfFile = path.join(crlf.root, "examples", "update.ts");
    writeFileSync(crlfFile, readFileSync(crlfFile, "utf8").replace(/\n/g, "\r\n"));
    [lfReport, crlfReport] = await Promise.all([
      checkProject(resolveConfig({ examples: ["examples/*.ts"], jobs: 1 }, lf.root), { update: true }),
      checkProject(resolveConfig({ examples: ["examples/*.ts"], jobs: 1 }, crlf.root), { update: true }),
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
      expect(report.updated).toEqual([
        { key: "update.stale", file: "examples/update.ts", line: 14 },
        { key: "update.was-empty", file: "examples/update.ts", line: 54 },
        { key: "update.becomes-empty", file: "examples/update.ts", line: 68 },
        { key: "update.indented", file: "examples/update.ts", line: 75 },
      ]);
      expect(report.notUpdated).toEqual([
        { key: "update.threw", file: "examples/update.ts", line: 37, reason: "not updated: threw Error: broken before the end" },
      ]);
    }
  });

  it("still reports the verdicts of the run that was updated", () => {
    expect(statuses(lfReport)).toEqual({
      "update.stale": "failed", "update.passing": "passed", "update.threw": "failed", "update.contains": "failed",
      "update.was-empty": "failed", "update.becomes-empty": "failed", "update.indented": "failed",
    });
  });

  it("passes every updated example on the next run", async () => {
    const report = await checkProject(resolveConfig({ examples: ["examples/*.ts"], jobs: 1 }, lf.root));
    expect(statuses(report)).toEqual({
      "update.stale": "passed", "update.passing": "passed", "update.threw": "failed", "update.contains": "failed",
      "update.was-empty": "passed", "update.becomes-empty": "passed", "update.indented": "passed",
    });
  });
});
