import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it, test } from "vitest";
import type { CheckReport } from "../../src/records/CheckReport.ts";
import type { RunResult } from "../../src/records/RunResult.ts";
import type { Failure, Verdict } from "../../src/records/Verdict.ts";
import { reporters, type ReporterName } from "../../src/report/reporters.ts";
import { expectGolden } from "../support/golden.ts";
import { exampleWith, resultWith } from "../support/records.ts";

const fixtures = fileURLToPath(new URL("fixtures", import.meta.url));
const root = "/project";
const names = Object.keys(reporters) as ReporterName[];
const golden: Record<ReporterName, string> = { pretty: "hostile.pretty.txt", json: "hostile.json", github: "hostile.github.txt", junit: "hostile.junit.xml" };

function verdictOf(key: string, line: number, status: Verdict["status"], result: Partial<RunResult>, failures: Failure[] = [], warnings: string[] = []): Verdict {
  return { example: exampleWith([], { key, line }), result: resultWith({ key, ...result }), status, failures, warnings };
}

function reportOf(verdicts: Verdict[]): CheckReport {
  return {
    problems: [], typeErrors: [], examples: verdicts.map((verdict) => verdict.example), verdicts,
    updated: [], notUpdated: [], durationMs: 1234, timings: { run: 1234 },
  };
}

const numbered = (count: number, prefix: string) => Array.from({ length: count }, (_, index) => `${prefix} ${index + 1}`);

// what an attacker's examples print: more lines than a report shows, an overlong line, workflow
// commands in every position, astral characters, CRs, control characters and a lone surrogate
const loudStdout = [...numbered(10, "out"), "::add-mask::secret", "log ##[error]legacy", ...numbered(288, "out")].join("\n") + "\n";
const hostile = reportOf([
  verdictOf("hostile.loud", 3, "failed", {
    stdout: loudStdout, stdoutTruncatedBytes: 4_194_304,
    stderr: `::error::from stderr\n  ::warning file=x.ts,line=1::indented\n${"w".repeat(3000)}\nbell\u0007 and \uD800 alone\n`, stderrTruncatedBytes: 100,
    lateOutput: ["tick"], lateOutputTruncatedBytes: 10,
  }, [
    { kind: "stdout", message: "stdout does not match @expect", diff: ["--- expected", "+++ actual", ...numbered(200, "-exp").map((line) => line.replace("-exp 7", "::stop-commands::token")), ...numbered(200, "+out")].join("\n") },
  ], [...numbered(15, "hostile.loud wrote after it settled: \"tick\"")]),
  verdictOf("hostile.quiet", 9, "passed", { stdout: "ok 😀 𝒳\r\nprogress 50%\r100%\n" }),
  verdictOf("hostile.throws", 15, "failed", {
    status: "threw",
    error: { name: "Error", message: "boom\n::set-output name=x::y", stack: "Error: boom\n::set-output name=x::y\n    at throws (/project/examples/demo.ts:16:9)" },
    unhandledRejections: numbered(25, "nobody listens").map((message) => ({ name: "Error", message, stack: `Error: ${message}\n    at /project/examples/demo.ts:17:3` })),
  }, [
    { kind: "threw", message: "threw Error: boom\n::set-output name=x::y" },
    ...numbered(25, "nobody listens").map((message): Failure => ({ kind: "unhandled-rejection", message: `unhandled promise rejection: Error: ${message}` })),
  ]),
]);

test.each(names)("%s: the hostile report as in its golden file", (name) => {
  // as printed: in UTF-8, in which a lone surrogate becomes U+FFFD (the JSON and JUnit reports escape it first)
  expectGolden(path.join(fixtures, golden[name]), Buffer.from(reporters[name](hostile, root)).toString());
});

/** the workflow commands the GitHub runner would run, reading `text` as a step's output */
function workflowCommands(text: string): string[] {
  // .NET's char.IsWhiteSpace, which the runner's TrimStart uses
  const dotnetSpace = /^[\t\n\v\f\r \x85\xA0\u1680\u2000-\u200A\u2028\u2029\u202F\u205F\u3000]*/;
  return text.split(/\r\n|\r|\n/).filter((line) => {
    const trimmed = line.replace(dotnetSpace, "");
    return (trimmed.startsWith("::") && trimmed.indexOf("::", 2) !== -1) || /##\[[^\]]*\]/.test(line);
  });
}

describe("no line an example printed runs a GitHub Actions workflow command", () => {
  it.each(["pretty", "json", "junit"] as const)("%s: no line is a command", (name) => {
    expect(workflowCommands(reporters[name](hostile, root))).toEqual([]);
  });

  it("github: the only commands are the reporter's own annotations, one a line", () => {
    const commands = workflowCommands(reporters.github(hostile, root));
    expect(commands.map((line) => line.match(/^::(error|warning) file=examples\/demo\.ts,line=\d+,title=[^:]*::/)?.[0])).toEqual([
      "::error file=examples/demo.ts,line=3,title=example hostile.loud failed::",
      "::warning file=examples/demo.ts,line=3,title=example hostile.loud output truncated::",
      "::warning file=examples/demo.ts,line=3,title=example hostile.loud output truncated::",
      "::warning file=examples/demo.ts,line=3,title=example hostile.loud output truncated::",
      ...Array.from({ length: 11 }, () => "::warning file=examples/demo.ts,line=3,title=example hostile.loud::"),
      "::error file=examples/demo.ts,line=15,title=example hostile.throws failed::",
    ]);
    // each message within what GitHub keeps of it, once unescaped
    const unescape = (data: string) => data.replace(/%0A/g, "\n").replace(/%0D/g, "\r").replace(/%25/g, "%");
    for (const line of commands) expect(unescape(line.slice(line.indexOf("::", 2) + 2)).length).toBeLessThanOrEqual(4096);
  });
});

describe("junit keeps every character of an example's output, as XML 1.0 allows", () => {
  const xml = reporters.junit(hostile, root);
  const decode = (text: string) => text.replace(/&(#\d+|lt|gt|quot|amp);/g, (_, name: string) => (
    name.startsWith("#") ? String.fromCodePoint(Number(name.slice(1))) : ({ lt: "<", gt: ">", quot: '"', amp: "&" } as Record<string, string>)[name]!
  ));

  it("holds no character XML 1.0 forbids, and no & that is not a reference", () => {
    expect(xml).not.toMatch(/[^\t\n\r\x20-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u);
    expect(xml).not.toMatch(/&(?!(#\d+|lt|gt|quot|amp);)/);
  });

  it("reads back astral characters, CR and the neutralised lines as the example printed them", () => {
    const systemOut = [...xml.matchAll(/<system-out>([^<]*)<\/system-out>/g)].map((match) => decode(match[1]!));
    expect(systemOut[1]).toBe("ok 😀 𝒳\r\nprogress 50%\r100%\n");
    expect(systemOut[0]).toContain("\n::add-mask::secret\nlog ##[error]legacy\n");
  });
});

describe("a report grows with the examples, not with what they printed", () => {
  // an example that filled every stream the worker keeps, with 1-byte lines, and failed in
  // every way at once
  const loud = (scale: number, key = "loud.one") => {
    const lines = (count: number) => "x\n".repeat(count);
    return verdictOf(key, 3, "failed", {
      stdout: lines(scale * 512 * 1024), stdoutTruncatedBytes: scale * 4_000_000,
      stderr: lines(scale * 512 * 1024), stderrTruncatedBytes: scale * 4_000_000,
      status: "threw", error: { name: "Error", message: "m".repeat(scale * 5_000_000), stack: lines(scale * 100_000) },
      unhandledRejections: Array.from({ length: scale * 1000 }, () => ({ name: "Error", message: "r", stack: lines(100) })),
    }, [
      { kind: "stdout", message: "stdout does not match @expect", diff: lines(scale * 512 * 1024) },
      ...Array.from({ length: scale * 1000 }, (): Failure => ({ kind: "unhandled-rejection", message: "unhandled promise rejection: Error: r" })),
    ], Array.from({ length: scale * 1000 }, () => `late ${"l".repeat(scale * 10_000)}`));
  };
  const sizes = (report: CheckReport, name: ReporterName) => {
    const text = reporters[name](report, root);
    // the JSON report keeps stdout and stderr as the worker did; everything else is bounded
    if (name !== "json") return text.length;
    const { stdout, stderr } = report.verdicts[0]!.result;
    return text.length - JSON.stringify(stdout).length - JSON.stringify(stderr).length;
  };

  it.each(names)("%s: the same size, give or take the digits of the counts, for twice the output", (name) => {
    const once = sizes(reportOf([loud(1)]), name);
    const twice = sizes(reportOf([loud(2)]), name);
    expect(Math.abs(twice - once)).toBeLessThan(200);
  });

  it.each([
    // a screenful or two of text per example
    ["pretty", 64 * 1024],
    // a few annotations of at most 4,096 characters (escaped: a little more)
    ["github", 32 * 1024],
    ["junit", 64 * 1024],
    // beside stdout and stderr, excerpts of at most 500 lines
    ["json", 512 * 1024],
  ] as const)("%s: at most %i characters per example", (name, limit) => {
    expect(sizes(reportOf([loud(1)]), name)).toBeLessThan(limit);
  });
});

describe("a shown snippet that does not stand alone is a warning in every reporter but JUnit's", () => {
  const standAlone = {
    file: "examples/demo.ts", line: 12, column: 15, key: "demo.key", name: "dir",
    message: "the shown snippet of `demo.key` uses `dir`, which only a hidden line declares (line 11); show its declaration or pass it in",
  };
  const report = { ...reportOf([verdictOf("demo.key", 10, "passed", {})]), standAlone: [standAlone] };

  it("pretty: a ⚠ line with its file:line:col, before the summary", () => {
    expect(reporters.pretty(report, root)).toBe(`⚠ examples/demo.ts:12:15: ${standAlone.message}\nExamples: 1 passed, 0 failed\n`);
  });

  it("json: the records, with the example's key and the name", () => {
    expect(JSON.parse(reporters.json(report, root)).standAlone).toEqual([standAlone]);
  });

  it("pretty and github: the page blocks that show the snippet, where a reader copies it", () => {
    const shownIn = { ...report, standAlone: [{ ...standAlone, shownIn: [{ file: "docs/guide.md", line: 40 }] }] };
    expect(reporters.pretty(shownIn, root).split("\n")[0]).toBe(`⚠ examples/demo.ts:12:15: ${standAlone.message} (shown at docs/guide.md:40)`);
    expect(reporters.github(shownIn, root).split("\n").slice(0, 2)).toEqual([
      "::warning file=examples/demo.ts,line=12,col=15,title=exemplar%3A snippet of demo.key::the shown snippet of `demo.key` uses `dir`, which only a hidden line declares (line 11); show its declaration or pass it in",
      "::warning file=docs/guide.md,line=40,title=exemplar%3A snippet of demo.key::the shown snippet of `demo.key` uses `dir`, which only a hidden line declares (line 11); show its declaration or pass it in (examples/demo.ts:12)",
    ]);
  });

  it("github: a warning annotation at the name's place", () => {
    expect(reporters.github(report, root).split("\n")[0]).toBe(
      "::warning file=examples/demo.ts,line=12,col=15,title=exemplar%3A snippet of demo.key::the shown snippet of `demo.key` uses `dir`, which only a hidden line declares (line 11); show its declaration or pass it in",
    );
  });
});

describe("a failed //=> check names its line, the expected and the actual value in every reporter", () => {
  const message = "examples/demo.ts:14: `parse(\"a.b\");` is [ 'a', 'c' ], expected ['a', 'b'] (compared by deep equality)";
  const report = reportOf([verdictOf("demo.key", 10, "failed", { inline: [{ line: 14, runs: 1, mismatch: { reason: "unequal", actual: "[ 'a', 'c' ]" } }] }, [{ kind: "inline", line: 14, message }])]);

  it("pretty: under the example, the message", () => {
    expect(reporters.pretty(report, root)).toBe(`✗ demo.key  examples/demo.ts:10\n  ${message}\n\nExamples: 0 passed, 1 failed\n`);
  });

  it("junit: the failure's message, of type inline", () => {
    const escaped = message.replaceAll('"', "&quot;");
    expect(reporters.junit(report, root)).toContain(`<failure message="${escaped}" type="inline">${escaped}</failure>`);
  });

  it("json: the failure with its line", () => {
    expect(JSON.parse(reporters.json(report, root)).examples[0].failures).toEqual([{ kind: "inline", message, line: 14 }]);
  });

  it("github: an annotation at the example, and one at the //=> line", () => {
    expect(reporters.github(report, root).split("\n").slice(0, 2)).toEqual([
      `::error file=examples/demo.ts,line=10,title=example demo.key failed::${message}`,
      `::error file=examples/demo.ts,line=14,title=example demo.key failed::${message}`,
    ]);
  });
});
