import { describe, expect, it, test } from "vitest";
import { applyLineEdits, type LineEdit } from "../../src/update/applyLineEdits.ts";

const text = "one\ntwo\nthree\nfour\nfive\n";

describe("applyLineEdits", () => {
  test.each<[string, LineEdit[], string]>([
    // no edit, no change
    ["nothing", [], text],
    // one line replaced by two
    ["grow", [{ from: 2, to: 2, lines: ["2a", "2b"] }], "one\n2a\n2b\nthree\nfour\nfive\n"],
    // three lines replaced by none
    ["shrink", [{ from: 2, to: 4, lines: [] }], "one\nfive\n"],
    // edits given top first are applied bottom up, so line numbers stay right
    ["two edits", [{ from: 1, to: 1, lines: ["1", "1b"] }, { from: 4, to: 5, lines: ["4"] }], "1\n1b\ntwo\nthree\n4\n"],
    // adjacent edits are fine
    ["adjacent", [{ from: 2, to: 2, lines: ["2"] }, { from: 3, to: 3, lines: ["3"] }], "one\n2\n3\nfour\nfive\n"],
  ])("%s", (_name, edits, expected) => {
    expect(applyLineEdits(text, edits)).toBe(expected);
  });

  it("keeps CRLF line endings", () => {
    expect(applyLineEdits("a\r\nb\r\nc\r\n", [{ from: 2, to: 2, lines: ["B", "B2"] }])).toBe("a\r\nB\r\nB2\r\nc\r\n");
  });

  it("keeps a missing final newline missing", () => {
    expect(applyLineEdits("a\nb", [{ from: 1, to: 1, lines: ["A"] }])).toBe("A\nb");
  });

  it("refuses two edits to the same line", () => {
    expect(() => applyLineEdits(text, [{ from: 1, to: 3, lines: [] }, { from: 3, to: 4, lines: [] }])).toThrow(
      /^overlapping edits at lines 1-3 and 3-4$/,
    );
  });
});
