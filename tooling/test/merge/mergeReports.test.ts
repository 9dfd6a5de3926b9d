import { describe, expect, it } from "vitest";
import { mergeReports, type JsonReport } from "../../src/merge/mergeReports.ts";

const example = (key: string, file: string, line: number, status: "passed" | "failed" | "skipped" = "passed", cached = false) =>
  ({ key, file, line, status, failures: status === "failed" ? [{ message: "differs" }] : [], ...(cached ? { cached } : {}) });
const report = (examples: JsonReport["examples"], durationMs: number, problems: unknown[] = []): JsonReport =>
  ({ summary: { passed: 0, failed: 0, skipped: 0, durationMs }, problems, typeErrors: [], examples });

describe("mergeReports", () => {
  it("lists the examples by file and line, counts them again, takes the slowest shard's time and each problem once", () => {
    const problem = { file: "examples/x.ts", line: 1, message: "duplicate key" };
    const merged = mergeReports([
      { name: "one.json", report: report([example("b.one", "examples/b.ts", 3, "failed"), example("a.two", "examples/a.ts", 9, "passed", true)], 900, [problem]) },
      { name: "two.json", report: report([example("a.one", "examples/a.ts", 2), example("c.one", "examples/c.ts", 1, "skipped")], 1200, [problem]) },
    ]);
    expect(typeof merged).toBe("object");
    const { examples, summary, problems, shards } = merged as JsonReport;
    expect(examples.map((entry) => entry.key)).toEqual(["a.one", "a.two", "b.one", "c.one"]);
    expect(summary).toEqual({ passed: 2, failed: 1, skipped: 1, cached: 1, durationMs: 1200 });
    expect(problems).toEqual([problem]);
    expect(shards).toEqual([{ report: "one.json", examples: 2, durationMs: 900 }, { report: "two.json", examples: 2, durationMs: 1200 }]);
  });

  it("says which file is no report of exemplar check", () => {
    expect(mergeReports([{ name: "other.json", report: { hello: 1 } as unknown as JsonReport }])).toBe("other.json is not a JSON report of exemplar check (no summary or examples)");
  });
});
