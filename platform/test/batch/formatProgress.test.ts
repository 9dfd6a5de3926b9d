import { expect, test } from "vitest";
import { formatProgress, progressDue } from "../../src/batch/formatProgress.ts";

const progress = { rowsDone: 2_500_000, rowsTotal: 10_000_000, part: 2, parts: 4, file: "data/part-1.parquet" };

test("in a log, a plain line with the share, the rows, rows/s and the part", () => {
  expect(formatProgress(progress, 2, "lines")).toBe("envelope batch: 25% 2,500,000/10,000,000 rows, 1.25M rows/s, part 2/4 data/part-1.parquet\n");
  expect(formatProgress({ ...progress, rowsDone: 900 }, 2, "lines")).toBe("envelope batch: 0% 900/10,000,000 rows, 450 rows/s, part 2/4 data/part-1.parquet\n");
});

test("on a terminal, a bar redrawn in place", () => {
  expect(formatProgress(progress, 2, "bar")).toBe("\r[######------------------]  25% 2,500,000/10,000,000 rows 1.25M rows/s part 2/4\u001b[K");
  expect(formatProgress({ ...progress, rowsDone: 10_000_000 }, 4, "bar")).toContain("[########################] 100%");
});

test("lines come every 10 s, a bar every 100 ms, and the end always", () => {
  expect(progressDue(progress, 9_999, "lines")).toBe(false);
  expect(progressDue(progress, 10_000, "lines")).toBe(true);
  expect(progressDue(progress, 99, "bar")).toBe(false);
  expect(progressDue({ ...progress, rowsDone: 10_000_000 }, 0, "lines")).toBe(true);
});
