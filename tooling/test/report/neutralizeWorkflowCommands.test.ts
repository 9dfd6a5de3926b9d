import { expect, test } from "vitest";
import { neutralizeWorkflowCommands } from "../../src/report/neutralizeWorkflowCommands.ts";

test.each([
  // a report without commands is unchanged
  { report: "✗ a.b  examples/a.ts:3\n  stdout:\n    hello :: world\n", text: "✗ a.b  examples/a.ts:3\n  stdout:\n    hello :: world\n" },
  // a line starting with ::, as an example could print it
  { report: "::add-mask::secret\n", text: "\\::add-mask::secret\n" },
  // indented, as the pretty report prints output: the runner trims the indent first
  { report: "  stderr:\n    ::error::boom\n", text: "  stderr:\n    \\::error::boom\n" },
  // after a CR: the runner starts a line there too
  { report: "progress\r::stop-commands::x", text: "progress\r\\::stop-commands::x" },
  // behind white space that .NET trims and JavaScript's \s does not (NEL), or the reverse (BOM)
  { report: "\u0085::warning::x\n\uFEFF::warning::y", text: "\u0085\\::warning::x\n\uFEFF\\::warning::y" },
  // behind tabs, no-break and ideographic spaces
  { report: "\t\u00A0\u3000::notice::x", text: "\t\u00A0\u3000\\::notice::x" },
  // the old form runs from anywhere in a line
  { report: "log: ##[add-mask]secret", text: "log: ##\\[add-mask]secret" },
  // :: later in a line, and a single colon at the start, are no commands
  { report: "a ::b::c\n:x", text: "a ::b::c\n:x" },
  // a zero-width space is not white space to .NET: that line is no command already
  { report: "\u200B::error::x", text: "\u200B::error::x" },
])("$report", ({ report, text }) => {
  expect(neutralizeWorkflowCommands(report, "text")).toBe(text);
});

test.each([
  // in XML the colon becomes a reference, read back as a colon
  { report: "<system-out>ok\n::add-mask::x\n</system-out>", xml: "<system-out>ok\n&#58;:add-mask::x\n</system-out>" },
  // and the bracket of the old form
  { report: `<failure message="##[error]x"/>`, xml: `<failure message="##&#91;error]x"/>` },
])("xml: $report", ({ report, xml }) => {
  expect(neutralizeWorkflowCommands(report, "xml")).toBe(xml);
});

test("in JSON the bracket of the old form becomes \\u005b, and the parsed value is unchanged", () => {
  const value = { stdout: "##[add-mask]secret\n::error::x" };
  const json = neutralizeWorkflowCommands(JSON.stringify(value, null, 2), "json");
  expect(json).toBe('{\n  "stdout": "##\\u005badd-mask]secret\\n::error::x"\n}');
  expect(JSON.parse(json)).toEqual(value);
});

test("stays linear on a text of only white space and line ends", () => {
  const text = " \n".repeat(1_000_000) + "\t".repeat(1_000_000);
  expect(neutralizeWorkflowCommands(text, "text")).toBe(text);
});
