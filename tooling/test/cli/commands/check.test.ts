import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyCorpus } from "../../support/corpus.ts";
import { lastLine, runCli, type Captured } from "../../support/captureIo.ts";

// every test runs `exemplar check` in its own copy of the `cli` corpus; runs that several
// assertions share happen once, in beforeAll
const copies: Array<{ remove: () => void }> = [];
const fresh = () => {
  const copy = copyCorpus("cli");
  copies.push(copy);
  return copy.root;
};
afterAll(() => copies.forEach((copy) => copy.remove()));

/** a slow run prints `exemplar: 3/7 examples done` every two seconds; nothing else goes to stderr */
const onlyProgress = (stderr: string) => stderr.split("\n").every((line) => line === "" || /^exemplar: \d+\/8 examples done$/.test(line));

interface JsonReport {
  summary: { passed: number; failed: number; skipped: number; durationMs: number };
  problems: unknown[];
  typeErrors: unknown[];
  examples: Array<{ key: string; file: string; line: number; status: string; stdout: string; stderr: string; failures: Array<{ kind: string; message: string; diff?: string }> }>;
}

describe("exemplar check, pretty reporter", () => {
  let run: Captured;
  beforeAll(async () => {
    run = await runCli(["check"], fresh());
  });

  it("exits 1 when an example failed, ending with the summary line", () => {
    expect(run.code).toBe(1);
    expect(lastLine(run.stdout)).toBe("Examples: 5 passed, 2 failed, 1 skipped");
  });

  it("says that no page is checked when there is no docs folder, and how to name one", () => {
    expect(run.stdout).toContain("\nDocs: no folder at docs/, so no page was checked; set `docs` in exemplar.config.ts (`docs: \".\"` for a README at the root) or pass --docs DIR\nExamples: ");
  });

  it("shows a failing example's key, file:line, diff and stderr", () => {
    expect(run.stdout).toContain(
      [
        "✗ broken.typo  examples/broken.ts:9",
        "  stdout does not match @expect",
        "    --- expected",
        "    +++ actual",
        "    @@ -1,2 +1,2 @@",
        "    -helo, world",
        "    +hello, world",
        "     bye",
        "  stderr:",
        "    a note on stderr",
        "",
      ].join("\n"),
    );
  });

  it("shows a thrown error's stack on the .ts lines of the example, without the runner's frames", () => {
    const block = run.stdout.slice(run.stdout.indexOf("✗ broken.throws"));
    expect(block.split("\n").slice(0, 5)).toEqual([
      "✗ broken.throws  examples/broken.ts:19",
      "  threw TypeError: cannot read the registry",
      "  stack:",
      "    TypeError: cannot read the registry",
      "        at throws (examples/broken.ts:20:9)",
    ]);
    expect(block.slice(0, block.indexOf("\n\n"))).not.toMatch(/worker\.(ts|js)|node:internal|node_modules/);
  });

  it("does not list passing examples", () => {
    expect(run.stdout).not.toContain("greet.hello");
  });

  it("writes only plain progress lines to stderr when not on a terminal", () => {
    expect(onlyProgress(run.stderr)).toBe(true);
  });
});

// independent runs, each in its own copy: they may overlap
describe.concurrent("exemplar check exit codes and flags", () => {
  it("exits 0 when every selected example passed (--filter)", async () => {
    const run = await runCli(["check", "--filter", "greet.*"], fresh());
    expect(run).toMatchObject({ code: 0, stdout: "Examples: 2 passed, 0 failed, 1 skipped\n" });
  });

  it("lists passing and skipped examples with --verbose", async () => {
    const run = await runCli(["check", "--filter", "greet.h*", "--verbose"], fresh());
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^✓ greet\.hello {2}examples\/greet\.ts:6 {2}\d+ ms\nExamples: 1 passed, 0 failed\n$/);
  });

  it("runs every file in one worker with --jobs 1, and shares the files out between two with --jobs 2", async () => {
    // a whole run (some examples fail): each worker starts ahead with its share of the files
    const pids = async (jobs: string) => {
      const run = await runCli(["check", "--jobs", jobs, "--reporter", "json"], fresh());
      expect(run.code).toBe(1);
      const report = JSON.parse(run.stdout) as JsonReport;
      return new Set(report.examples.filter((example) => example.key.endsWith(".pid")).map((example) => example.stdout));
    };
    const [one, two] = await Promise.all([pids("1"), pids("2")]);
    expect(one.size).toBe(1);
    expect(two.size).toBe(2);
  });

  it("gives each example the --timeout unless it sets @timeout", async () => {
    // the neighbour also keeps the timed-out example from being the last one its worker ran
    const run = await runCli(["check", "--filter", "broken.slow*", "--timeout", "100", "--jobs", "1"], fresh());
    expect(run.code, run.stdout + run.stderr).toBe(1);
    // stopped at 100 ms, waiting on its sleep; or, on a loaded machine where the pool read its
    // result before its timer fired, found by the worker's own clock to have taken longer
    expect(run.stdout).toMatch(/^✗ broken\.slow {2}examples\/broken\.ts:36\n {2}timed out after (100 ms, still waiting on 1 Timeout|\d+ ms) \(set @timeout MS to allow longer\)\n/);
    expect(run.stdout).not.toContain("broken.slow-neighbour");
    expect(lastLine(run.stdout)).toBe("Examples: 1 passed, 1 failed");
  });

  it("reports a type error as file:line:col with --typecheck, and exits 1", async () => {
    const run = await runCli(["check", "--examples", "typecheck/*.ts", "--typecheck"], fresh());
    expect(run.code).toBe(1);
    expect(run.stdout).toBe(
      "typecheck/types.ts:8:9: TS2322: Type 'string' is not assignable to type 'number'.\n\nDocs: no folder at docs/, so no page was checked; set `docs` in exemplar.config.ts (`docs: \".\"` for a README at the root) or pass --docs DIR\nType errors: 1\nExamples: 1 passed, 0 failed\n",
    );
  });

  it("exits 2 on problems in the example files and runs nothing", async () => {
    const run = await runCli(["check", "--examples", "invalid/*.ts"], fresh());
    expect(run).toEqual({
      code: 2,
      stdout: [
        "invalid/tags.ts:3:4: unknown tag @expet; did you mean @expect?",
        "invalid/tags.ts:9:4: invalid example key `Invalid.Key`: expected lowercase letters, digits, `.`, `-` and `/`",
        "",
        "Found 2 problems in the example files; no example ran.",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("warns of a shown snippet that does not stand alone, runs the examples and exits 0", async () => {
    const run = await runCli(["check", "--examples", "standalone/*.ts"], fresh());
    expect(run.code).toBe(0);
    expect(run.stdout).toBe([
      "⚠ standalone/hidden.ts:9:15: the shown snippet of `standalone.hidden` uses `name`, which only a hidden line declares (line 8); show its declaration or pass it in",
      "Docs: no folder at docs/, so no page was checked; set `docs` in exemplar.config.ts (`docs: \".\"` for a README at the root) or pass --docs DIR",
      "Examples: 1 passed, 0 failed",
      "",
    ].join("\n"));
    // on a loaded machine, a progress line every two seconds
    expect(run.stderr).toMatch(/^(exemplar: [01]\/1 examples done\n)*$/);
  });

  it("exits 2 with --strict on a shown snippet that does not stand alone, and runs nothing", async () => {
    const run = await runCli(["check", "--examples", "standalone/*.ts", "--strict"], fresh());
    expect(run).toEqual({
      code: 2,
      stdout: [
        "standalone/hidden.ts:9:15: the shown snippet of `standalone.hidden` uses `name`, which only a hidden line declares (line 8); show its declaration or pass it in",
        "",
        "Found 1 problem in the example files; no example ran.",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("exits 2 when a glob matches nothing, naming the glob", async () => {
    const run = await runCli(["check", "--examples", "nowhere/**/*.ts"], fresh());
    expect(run.code).toBe(2);
    expect(run.stdout).toBe("");
    expect(run.stderr).toMatch(/^exemplar check: no example files match `nowhere\/\*\*\/\*\.ts` in \S+\n$/);
  });

  it("exits 2 when --filter matches no key, naming the nearest keys, and runs nothing", async () => {
    const run = await runCli(["check", "--filter", "greet.helo"], fresh());
    expect(run).toEqual({ code: 2, stdout: "", stderr: "exemplar check: --filter `greet.helo` matches no example key; the nearest: greet.hello, greet.pid, greet.later\n" });
  });

  it("exits 2 when the --config file is missing", async () => {
    const root = fresh();
    const run = await runCli(["check", "--config", "missing.config.ts"], root);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `exemplar check: config file not found: ${path.join(root, "missing.config.ts")}\n` });
  });

  it("exits 2 on an unknown flag, suggesting the closest one", async () => {
    const run = await runCli(["check", "--reportr", "json"], fresh());
    expect(run.code).toBe(2);
    expect(run.stderr).toBe("exemplar check: Unknown option '--reportr'; did you mean --reporter? (see `exemplar check --help`)\n");
  });

  it("exits 2 on an unknown reporter", async () => {
    const run = await runCli(["check", "--reporter", "xml"], fresh());
    expect(run).toMatchObject({ code: 2, stderr: "exemplar check: unknown reporter `xml`; expected one of pretty, json, github, junit\n" });
  });

  it.each([["--jobs", "0"], ["--jobs", "two"], ["--timeout", "-5"], ["--timeout", "1.5"]])("exits 2 on %s %s", async (flag, value) => {
    const run = await runCli(["check", `${flag}=${value}`], fresh());
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`exemplar check: ${flag} expects a positive whole number, got \`${value}\`\n`);
  });

  it("exits 2 on a positional argument", async () => {
    const run = await runCli(["check", "examples/greet.ts"], fresh());
    expect(run).toMatchObject({ code: 2, stderr: "exemplar check: unexpected argument `examples/greet.ts`; pass files with --examples GLOB\n" });
  });

  it("prints its help with --help and -h, and exits 0", async () => {
    for (const flag of ["--help", "-h"]) {
      const run = await runCli(["check", flag], fresh());
      expect(run.code).toBe(0);
      expect(run.stdout).toMatch(/^Usage: exemplar check \[options\]\n/);
      for (const option of ["--examples", "--filter", "--jobs", "--timeout", "--reporter", "--out", "--update", "--typecheck", "--config"]) {
        expect(run.stdout).toContain(`  ${option} `);
      }
      expect(run.stdout).toContain("Exit codes: 0 all passed, 1 some example failed, 2 usage or configuration error.");
    }
  });
});

describe("exemplar check reporters", () => {
  let json: Captured;
  let github: Captured;
  let junit: Captured;
  let junitRoot: string;
  beforeAll(async () => {
    junitRoot = fresh();
    [json, github, junit] = await Promise.all([
      runCli(["check", "--reporter", "json"], fresh()),
      runCli(["check", "--reporter", "github"], fresh()),
      runCli(["check", "--reporter", "junit", "--out", "reports/junit.xml"], junitRoot),
    ]);
  });

  it("json: the summary, and one entry per example with its status and failures", () => {
    expect(json.code).toBe(1);
    const report = JSON.parse(json.stdout) as JsonReport;
    expect(report.summary).toMatchObject({ passed: 5, failed: 2, skipped: 1 });
    expect(report.problems).toEqual([]);
    expect(report.examples.map(({ key, file, line, status }) => [key, file, line, status])).toEqual([
      ["broken.typo", "examples/broken.ts", 9, "failed"],
      ["broken.throws", "examples/broken.ts", 19, "failed"],
      ["broken.pid", "examples/broken.ts", 27, "passed"],
      ["broken.slow", "examples/broken.ts", 36, "passed"],
      ["broken.slow-neighbour", "examples/broken.ts", 48, "passed"],
      ["greet.hello", "examples/greet.ts", 6, "passed"],
      ["greet.later", "examples/greet.ts", 15, "skipped"],
      ["greet.pid", "examples/greet.ts", 21, "passed"],
    ]);
    const typo = report.examples[0]!;
    expect(typo).toMatchObject({ stdout: "hello, world\nbye\n", stderr: "a note on stderr\n" });
    expect(typo.failures).toEqual([{
      kind: "stdout",
      message: "stdout does not match @expect",
      diff: "--- expected\n+++ actual\n@@ -1,2 +1,2 @@\n-helo, world\n+hello, world\n bye",
    }]);
  });

  it("github: an ::error annotation on each failing example's line, then the summary", () => {
    expect(github.code).toBe(1);
    const lines = github.stdout.trimEnd().split("\n");
    expect(lines).toEqual([
      "::error file=examples/broken.ts,line=9,title=example broken.typo failed::stdout does not match @expect%0A--- expected%0A+++ actual%0A@@ -1,2 +1,2 @@%0A-helo, world%0A+hello, world%0A bye%0Astderr:%0Aa note on stderr",
      "::error file=examples/broken.ts,line=19,title=example broken.throws failed::threw TypeError: cannot read the registry",
      "Examples: 5 passed, 2 failed, 1 skipped",
    ]);
  });

  it("junit with --out: the XML goes to the file, the summary to stdout", () => {
    expect(junit).toMatchObject({ code: 1, stdout: "Examples: 5 passed, 2 failed, 1 skipped\n" });
    expect(onlyProgress(junit.stderr)).toBe(true);
    const xml = readFileSync(path.join(junitRoot, "reports", "junit.xml"), "utf8");
    expect(xml).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites name="exemplar" tests="8" failures="2" skipped="1" errors="0" time="[\d.]+">\n/);
    expect(xml.endsWith("</testsuites>\n")).toBe(true);
    const suites = [...xml.matchAll(/<testsuite name="([^"]+)" tests="(\d+)" failures="(\d+)" skipped="(\d+)"/g)].map((match) => match.slice(1));
    expect(suites).toEqual([["examples/broken.ts", "5", "2", "0"], ["examples/greet.ts", "3", "0", "1"]]);
    const cases = [...xml.matchAll(/<testcase classname="[^"]+" name="([^"]+)" file="([^"]+)" line="(\d+)"/g)].map((match) => match.slice(1));
    expect(cases).toHaveLength(8);
    expect(cases[0]).toEqual(["broken.typo", "examples/broken.ts", "9"]);
    expect(xml).toContain('<failure message="stdout does not match @expect" type="stdout">stdout does not match @expect\n--- expected\n+++ actual\n@@ -1,2 +1,2 @@\n-helo, world\n+hello, world\n bye</failure>');
    expect(xml).toContain('<skipped message="not written yet"/>');
    // every element opened is closed
    const opened = [...xml.matchAll(/<(testsuites|testsuite|testcase|failure|system-out|system-err)[\s>]/g)].length;
    const closed = [...xml.matchAll(/<\/(testsuites|testsuite|testcase|failure|system-out|system-err)>/g)].length;
    expect(opened).toBe(closed);
  });
});

describe("exemplar check --update", () => {
  it("rewrites the failing @expect in the user's file and reports it", async () => {
    const root = fresh();
    const run = await runCli(["check", "--update", "--filter", "broken.typo"], root);
    // every failure of the run was rewritten: nothing is left failing
    expect(run.code).toBe(0);
    expect(run.stdout).toContain("updated @expect of broken.typo  examples/broken.ts:9\n");
    expect(readFileSync(path.join(root, "examples", "broken.ts"), "utf8")).toContain(" * @expect\n * hello, world\n * bye\n */");
    expect((await runCli(["check", "--filter", "broken.typo"], root)).code).toBe(0);
  });
});
