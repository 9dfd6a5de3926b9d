import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpus } from "../../support/corpus.ts";
import { runCli } from "../../support/captureIo.ts";

// `list` only reads files: it runs in the corpus itself
const root = corpus("cli");

describe("exemplar list", () => {
  it("prints each example's key, file:line and expectations, then the count", async () => {
    expect(await runCli(["list"], root)).toEqual({
      code: 0,
      stdout: [
        "broken.typo            examples/broken.ts:9  @expect (2 lines)",
        "broken.throws          examples/broken.ts:19  @expect (0 lines)",
        "broken.pid             examples/broken.ts:27  @expectMatch /^\\d+$/m",
        "broken.slow            examples/broken.ts:36  @expect (1 line)",
        "broken.slow-neighbour  examples/broken.ts:48  @expect (1 line)",
        "greet.hello            examples/greet.ts:6  @expect (1 line)",
        "greet.later            examples/greet.ts:15  @expect (0 lines)  (skipped: not written yet)",
        "greet.pid              examples/greet.ts:21  @expectMatch /^\\d+$/m",
        "8 examples",
        "",
      ].join("\n"),
      stderr: "",
    });
  });

  it("prints JSON with --json", async () => {
    const run = await runCli(["list", "--json", "--examples", "examples/greet.ts"], root);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual([
      { key: "greet.hello", file: "examples/greet.ts", line: 6, name: "hello", expectations: ["@expect (1 line)"] },
      { key: "greet.later", file: "examples/greet.ts", line: 15, name: "later", skip: "not written yet", expectations: ["@expect (0 lines)"] },
      { key: "greet.pid", file: "examples/greet.ts", line: 21, name: "pid", expectations: ["@expectMatch /^\\d+$/m"] },
    ]);
  });

  it("counts an example's //=> checks beside its tags", async () => {
    const run = await runCli(["list", "--json"], corpus("inline-results"));
    const expectations = (JSON.parse(run.stdout) as Array<{ key: string; expectations: string[] }>).find((entry) => entry.key === "colors.inline")!.expectations;
    expect(expectations.at(-1)).toMatch(/^\/\/=> \(\d+ checks?\)$/);
  });

  it("reports problems as file:line:col on stderr and exits 2", async () => {
    expect(await runCli(["list", "--examples", "invalid/*.ts"], root)).toEqual({
      code: 2,
      stdout: "",
      stderr: "invalid/tags.ts:3:4: unknown tag @expet; did you mean @expect?\n" +
        "invalid/tags.ts:9:4: invalid example key `Invalid.Key`: expected lowercase letters, digits, `.`, `-` and `/`\n",
    });
  });

  it("exits 2 when a glob matches nothing", async () => {
    const run = await runCli(["list", "--examples", "nothing-here/*.ts"], root);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `exemplar list: no example files match \`nothing-here/*.ts\` in ${root}\n` });
  });

  it("exits 2 when the --config file is missing", async () => {
    const run = await runCli(["list", "--config", "nope.config.ts"], root);
    expect(run).toEqual({ code: 2, stdout: "", stderr: `exemplar list: config file not found: ${path.join(root, "nope.config.ts")}\n` });
  });

  it("exits 2 on an unknown flag, suggesting the closest one", async () => {
    const run = await runCli(["list", "--jsn"], root);
    expect(run).toEqual({ code: 2, stdout: "", stderr: "exemplar list: Unknown option '--jsn'; did you mean --json? (see `exemplar list --help`)\n" });
  });

  it("prints its help with --help and exits 0", async () => {
    const run = await runCli(["list", "--help"], root);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Usage: exemplar list \[options\]\n\nLists every example/);
    expect(run.stdout).toContain("  --json ");
    expect(run.stdout).toContain("  --examples GLOB ");
  });
});
