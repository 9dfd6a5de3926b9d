import { describe, expect, test } from "vitest";
import { parseCheckReport } from "../../src/github/parseCheckReport.ts";

describe("parseCheckReport", () => {
  test("reads the summary and counts the docs' errors and warnings", () => {
    const report = {
      summary: { passed: 4, failed: 1, skipped: 0, durationMs: 812 },
      examples: [],
      docs: { pages: 3, blocks: 7, errors: [{ file: "docs/a.md", line: 3, message: "x" }], warnings: [], usages: {} },
    };
    expect(parseCheckReport(JSON.stringify(report), "reports/check.json")).toEqual({
      summary: { passed: 4, failed: 1, skipped: 0 },
      docs: { pages: 3, blocks: 7, errors: 1, warnings: 0 },
    });
  });

  test("lists the failed examples' places, in report order, leaving out entries without a key or file", () => {
    const examples = [
      { key: "a.one", file: "examples/a.ts", line: 3, status: "passed" },
      { key: "b.two", file: "examples/b.ts", line: 9, status: "failed" },
      { key: "c.three", file: "examples/c.ts", line: 1, status: "skipped" },
      { key: "d.four", file: "examples/d.ts", line: 20, status: "failed" },
      { status: "failed" },
    ];
    const report = { summary: { passed: 1, failed: 3, skipped: 1 }, examples };
    expect(parseCheckReport(JSON.stringify(report), "r.json").failing).toEqual([
      { key: "b.two", file: "examples/b.ts", line: 9 },
      { key: "d.four", file: "examples/d.ts", line: 20 },
    ]);
  });

  test("a report without docs has no docs counts", () => {
    expect(parseCheckReport('{"summary":{"passed":1,"failed":0,"skipped":0}}', "r.json")).toEqual({ summary: { passed: 1, failed: 0, skipped: 0 } });
  });

  test.each([
    // a junit report handed over by mistake
    { text: "<testsuites/>", message: /^r\.json is not an exemplar check JSON report: not JSON \(.+\); expected the file written by `exemplar check --json-out r\.json`$/ },
    // JSON, but not the report
    { text: '{"ok":true}', message: /^r\.json is not an exemplar check JSON report: summary\.passed is missing; expected/ },
    { text: '{"summary":{"passed":1,"failed":"0","skipped":0}}', message: /^r\.json is not an exemplar check JSON report: summary\.failed is "0"; expected/ },
  ])("refuses $text", ({ text, message }) => {
    expect(() => parseCheckReport(text, "r.json")).toThrow(message);
  });
});
