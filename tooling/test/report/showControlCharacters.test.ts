import { expect, test } from "vitest";
import type { CheckReport } from "../../src/records/CheckReport.ts";
import type { Verdict } from "../../src/records/Verdict.ts";
import { reportPretty } from "../../src/report/reportPretty.ts";
import { showControlCharacters } from "../../src/report/showControlCharacters.ts";
import { exampleWith, resultWith } from "../support/records.ts";

test.each([
  // text without control characters is unchanged, tab and LF included
  { text: "ok\tdone\n✓ 😀 𝒳 é中\n", shown: "ok\tdone\n✓ 😀 𝒳 é中\n" },
  // ESC of a sequence that clears the screen, and of one that moves the cursor up
  { text: "\u001b[2J\u001b[1A", shown: "\\x1b[2J\\x1b[1A" },
  // a colour code: the rest of the sequence is plain text once ESC is not there
  { text: "\u001b[31mred\u001b[0m", shown: "\\x1b[31mred\\x1b[0m" },
  // a CR that would write a line over the last one, and the CR of CRLF
  { text: "50%\r100%\r\n", shown: "50%\\r100%\\r\n" },
  // BEL, backspace, NUL, vertical tab, form feed and the last C0 control
  { text: "\u0007\b\u0000\v\f\u001f", shown: "\\x07\\x08\\x00\\x0b\\x0c\\x1f" },
  // an OSC sequence that would set the window title, ended by BEL
  { text: "\u001b]0;pwned\u0007", shown: "\\x1b]0;pwned\\x07" },
  // DEL and the C1 controls, CSI (U+009B) among them
  { text: "\u007f\u0080\u0085\u009b2J\u009f", shown: "\\x7f\\x80\\x85\\x9b2J\\x9f" },
  // the first characters after each range are kept: space, and U+00A0
  { text: " \u00a0~", shown: " \u00a0~" },
])("$shown", ({ text, shown }) => {
  expect(showControlCharacters(text)).toBe(shown);
});

test("the pretty report shows what an example printed or threw with its control characters escaped", () => {
  const verdict: Verdict = {
    example: exampleWith([], { key: "clears.screen", line: 3 }),
    result: resultWith({ key: "clears.screen", status: "threw", stdout: "\u001b[2Jhello\n", stderr: "\u001b[2Jwarned\r50%\n", error: { name: "Error", message: "\u001b[2Jboom", stack: "Error: \u001b[2Jboom\n    at /project/examples/demo.ts:4:9" } }),
    status: "failed",
    failures: [
      { kind: "threw", message: "threw Error: \u001b[2Jboom" },
      { kind: "stdout", message: "stdout does not match @expect", diff: "--- expected\n+++ actual\n-hello\n+\u001b[2Jhello" },
    ],
    warnings: ["\u001b[2Jlate"],
  };
  const report: CheckReport = {
    problems: [], typeErrors: [], examples: [verdict.example], verdicts: [verdict],
    updated: [], notUpdated: [], durationMs: 12, timings: { run: 12 },
  };
  const text = reportPretty(report, { root: "/project" });
  expect(text).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f-\x9f]/);
  expect(text.split("\n").filter((line) => line.includes("2J"))).toEqual([
    "  threw Error: \\x1b[2Jboom",
    "    +\\x1b[2Jhello",
    "    Error: \\x1b[2Jboom",
    "    \\x1b[2Jwarned\\r50%",
    "⚠ examples/demo.ts:3: \\x1b[2Jlate",
  ]);
});
