import { describe, expect, test } from "vitest";
import { formatPublishSummary } from "../../src/publish/formatPublishSummary.ts";
import type { PublishSummary } from "../../src/publish/PublishSummary.ts";

const base: PublishSummary = {
  ok: true,
  dryRun: false,
  bucket: "previews",
  prefix: "pr-1/",
  dir: "dist",
  uploaded: ["pr-1/assets/app.DQ4RyKo-.js", "pr-1/index.html"],
  unchanged: ["pr-1/guide/index.html"],
  deleted: ["pr-1/old.html"],
  skipped: [],
  failures: [],
  bytes: { uploaded: 2500, unchanged: 999, deleted: 1_250_000 },
  heads: 0,
  seconds: 0.4321,
};

describe("formatPublishSummary", () => {
  test("a publish is one line with counts, bytes and seconds", () => {
    expect(formatPublishSummary(base)).toBe(
      "published dist to s3://previews/pr-1/: uploaded 2 (2.5 kB), unchanged 1 (999 B), deleted 1 (1.3 MB) in 0.43 s",
    );
  });

  test("a failed publish names every failure and the pages it held back", () => {
    const failed: PublishSummary = {
      ...base,
      ok: false,
      uploaded: [],
      deleted: [],
      skipped: ["pr-1/index.html"],
      failures: [{ action: "upload", key: "pr-1/assets/app.DQ4RyKo-.js", path: "assets/app.DQ4RyKo-.js", message: "InternalError (HTTP 500): boom" }],
      bytes: { uploaded: 0, unchanged: 999, deleted: 0 },
    };
    expect(formatPublishSummary(failed).split("\n")).toEqual([
      "failed to publish dist to s3://previews/pr-1/: uploaded 0 (0 B), unchanged 1 (999 B), deleted 0 (0 B) in 0.43 s",
      "  upload failed: assets/app.DQ4RyKo-.js: InternalError (HTTP 500): boom",
      "  not uploaded (an asset they may need failed): pr-1/index.html",
    ]);
  });

  test("a dry run prints the plan and says nothing changed", () => {
    expect(formatPublishSummary({ ...base, dryRun: true }).split("\n")).toEqual([
      "dry run: publishing dist to s3://previews/pr-1/ would",
      "  upload         2 files      2.5 kB",
      "  unchanged      1 file        999 B",
      "  delete         1 object     1.3 MB",
      "  + pr-1/assets/app.DQ4RyKo-.js",
      "  + pr-1/index.html",
      "  - pr-1/old.html",
      "nothing was changed (0.43 s)",
    ]);
  });
});
