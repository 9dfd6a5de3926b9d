import { existsSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeEach, describe, expect, it } from "vitest";
import { copyCorpus } from "../../support/corpus.ts";
import { lastLine, runCli } from "../../support/captureIo.ts";

// the suite turns the cache off (vitest.config.ts); these tests turn it on
const saved = process.env["EXEMPLAR_CACHE"];
beforeEach(() => void (process.env["EXEMPLAR_CACHE"] = "1"));
afterEach(() => {
  if (saved === undefined) delete process.env["EXEMPLAR_CACHE"];
  else process.env["EXEMPLAR_CACHE"] = saved;
});
const copies: Array<{ remove: () => void }> = [];
afterAll(() => copies.forEach((copy) => copy.remove()));

describe("exemplar check's result cache", () => {
  it("answers the examples that passed from .exemplar-cache/ on the next run, runs the failing ones again, and runs all with --no-cache", async () => {
    const copy = copyCorpus("cli");
    copies.push(copy);
    const first = await runCli(["check"], copy.root);
    expect(lastLine(first.stdout)).toBe("Examples: 5 passed, 2 failed, 1 skipped");
    expect(existsSync(path.join(copy.root, ".exemplar-cache", "results"))).toBe(true);
    expect(existsSync(path.join(copy.root, ".exemplar-cache", "examples.json"))).toBe(true);
    const second = await runCli(["check", "--reporter", "json"], copy.root);
    const report = JSON.parse(second.stdout) as { summary: Record<string, number>; examples: Array<{ key: string; status: string; cached?: boolean }> };
    expect(report.summary).toMatchObject({ passed: 5, failed: 2, skipped: 1, cached: 5 });
    expect(report.examples.filter((example) => example.cached).map((example) => example.status)).toEqual(["passed", "passed", "passed", "passed", "passed"]);
    expect(report.examples.filter((example) => example.status === "failed").every((example) => example.cached === undefined)).toBe(true);
    const third = await runCli(["check"], copy.root);
    expect(lastLine(third.stdout)).toBe("Examples: 5 passed (5 cached), 2 failed, 1 skipped");
    const forced = await runCli(["check", "--no-cache"], copy.root);
    expect(lastLine(forced.stdout)).toBe("Examples: 5 passed, 2 failed, 1 skipped");
  }, 120_000);
});

describe("exemplar check's parse cache", () => {
  it("reports the same problems from it as from a parse, and parses a file again once it changed", async () => {
    const { mkdtempSync, mkdirSync, rmSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const root = mkdtempSync(path.join(tmpdir(), "exemplar-parse-cache-"));
    copies.push({ remove: () => rmSync(root, { recursive: true, force: true }) });
    mkdirSync(path.join(root, "examples"));
    writeFileSync(path.join(root, "package.json"), '{ "type": "module" }');
    const example = (key: string) => `/**\n * @example ${key}\n * @expect\n * ${key}\n */\nexport function run() {\n  console.log("${key}");\n}\n`;
    writeFileSync(path.join(root, "examples", "a.ts"), example("a.one"));
    writeFileSync(path.join(root, "examples", "b.ts"), `${example("a.one")}export const broken = ;\n`);
    const first = await runCli(["check", "--no-cache"], root);
    expect(first.code).toBe(2);
    expect(existsSync(path.join(root, ".exemplar-cache", "examples.json"))).toBe(false);
    const parsed = await runCli(["check"], root);
    const answered = await runCli(["check"], root);
    expect(existsSync(path.join(root, ".exemplar-cache", "examples.json"))).toBe(true);
    expect([parsed.code, answered.code]).toEqual([2, 2]);
    expect(answered.stdout).toBe(first.stdout);
    expect(answered.stdout).toMatch(/examples\/b\.ts:9:\d+: syntax error[\s\S]*duplicate example key `a\.one`/);
    writeFileSync(path.join(root, "examples", "b.ts"), example("b.one"));
    const fixed = await runCli(["check"], root);
    expect(lastLine(fixed.stdout)).toBe("Examples: 2 passed, 0 failed");
  }, 120_000);
});

describe("exemplar splice's use of the result cache", () => {
  it("fills an output block from what exemplar check ran, running nothing, and runs it with --no-cache", async () => {
    const { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } = await import("node:fs");
    const { tmpdir } = await import("node:os");
    const root = mkdtempSync(path.join(tmpdir(), "exemplar-splice-cache-"));
    copies.push({ remove: () => rmSync(root, { recursive: true, force: true }) });
    const runs = path.join(root, "runs.log");
    mkdirSync(path.join(root, "examples"));
    mkdirSync(path.join(root, "docs"));
    writeFileSync(path.join(root, "package.json"), '{ "type": "module" }');
    writeFileSync(runs, "");
    writeFileSync(path.join(root, "examples", "a.ts"), `import { appendFileSync } from "node:fs";\n/**\n * @example a.one\n * @expect\n * one\n */\nexport function one() {\n  appendFileSync(${JSON.stringify(runs)}, "ran\\n");\n  console.log("one");\n}\n`);
    writeFileSync(path.join(root, "docs", "a.md"), "# A\n\n```text example-output=a.one\n```\n");
    expect(lastLine((await runCli(["check"], root)).stdout)).toBe("Examples: 1 passed, 0 failed");
    expect((await runCli(["splice", "--write"], root)).code).toBe(0);
    expect(readFileSync(path.join(root, "docs", "a.md"), "utf8")).toBe("# A\n\n```text example-output=a.one\none\n```\n");
    expect(readFileSync(runs, "utf8")).toBe("ran\n");
    // splice found the example file where check left it, in the parse cache, and kept it there
    const { readdirSync } = await import("node:fs");
    expect(readdirSync(path.join(root, ".exemplar-cache")).sort()).toEqual(["examples.json", "results"]);
    expect((await runCli(["splice", "--check", "--no-cache"], root)).code).toBe(0);
    expect(readFileSync(runs, "utf8")).toBe("ran\nran\n");
  }, 120_000);
});
