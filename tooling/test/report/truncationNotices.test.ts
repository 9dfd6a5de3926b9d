import { expect, test } from "vitest";
import { truncationNotices } from "../../src/report/truncationNotices.ts";
import { resultWith } from "../support/records.ts";

test("says nothing of a run whose output was kept whole", () => {
  expect(truncationNotices(resultWith({ stdout: "x".repeat(100) }))).toEqual([]);
});

test("names the example, each stream cut, its size and the bytes left out", () => {
  const result = resultWith({
    stdout: "é".repeat(10), stdoutTruncatedBytes: 4_194_304,
    stderr: "e", stderrTruncatedBytes: 5,
    lateOutput: ["late ", "tick"], lateOutputTruncatedBytes: 1,
  });
  expect(truncationNotices(result)).toEqual([
    // the kept text counts in UTF-8 bytes: ten é are twenty
    { stream: "stdout", message: "stdout of demo.key was 4194324 bytes, more than the 1 MB Exemplar keeps; its last 4194304 bytes are not in this report" },
    { stream: "stderr", message: "stderr of demo.key was 6 bytes, more than the 1 MB Exemplar keeps; its last 5 bytes are not in this report" },
    { stream: "late", message: "what demo.key wrote after it settled was 10 bytes, more than the 1 MB Exemplar keeps; its last 1 byte is not in this report" },
  ]);
});
