import { expect, test } from "vitest";
import { hiddenLines } from "../../src/splice/hiddenLines.ts";

test.each([
  // nothing hidden
  [["a", "b"], [false, false], []],
  // a line ending in `// hide`, with or without a space
  [["setup(); // hide", "a", "b(); //hide  "], [true, false, true], []],
  // `// hide` in the middle of a line is a comment like any other
  [["a(); // hide this later"], [false], []],
  // a range, markers included
  [["a", "  // hide-start", "b", "// hide-end", "c"], [false, true, true, true, false], []],
  // a range never closed
  [["a", "// hide-start", "b"], [false, true, true], [{ index: 1, message: "`// hide-start` without a `// hide-end` after it" }]],
  // an end with no start
  [["a", "// hide-end"], [false, true], [{ index: 1, message: "`// hide-end` without a `// hide-start` before it" }]],
  // a start inside a range
  [["// hide-start", "// hide-start", "// hide-end"], [true, true, true], [{ index: 1, message: "`// hide-start` inside the range opened on the line 1 above: expected `// hide-end` first" }]],
])("%j", (lines, hidden, problems) => {
  expect(hiddenLines(lines)).toEqual({ hidden, problems });
});
