import { describe, expect, test } from "vitest";
import { formatUnpublishSummary } from "../../src/publish/formatUnpublishSummary.ts";
import type { UnpublishSummary } from "../../src/publish/UnpublishSummary.ts";

const summary = (over: Partial<UnpublishSummary>): UnpublishSummary => ({
  ok: true,
  dryRun: false,
  bucket: "site",
  prefix: "pr-1/",
  deleted: ["pr-1/a.js", "pr-1/index.html"],
  failures: [],
  bytes: { deleted: 2500 },
  seconds: 0.123,
  ...over,
});

describe("formatUnpublishSummary", () => {
  test("one line for a done unpublish", () => {
    expect(formatUnpublishSummary(summary({}))).toBe("unpublished s3://site/pr-1/: deleted 2 objects (2.5 kB) in 0.12 s");
  });

  test("a dry run lists the keys", () => {
    expect(formatUnpublishSummary(summary({ dryRun: true })).split("\n")).toEqual([
      "dry run: unpublishing s3://site/pr-1/ would delete 2 objects (2.5 kB)",
      "  - pr-1/a.js",
      "  - pr-1/index.html",
      "nothing was changed (0.12 s)",
    ]);
  });

  test("failures, one line each", () => {
    const failed = summary({ ok: false, deleted: ["pr-1/a.js"], bytes: { deleted: 1 }, failures: [{ action: "delete", key: "pr-1/index.html", message: "AccessDenied: no" }] });
    expect(formatUnpublishSummary(failed).split("\n")).toEqual(["failed to unpublish s3://site/pr-1/: deleted 1 object (1 B) in 0.12 s", "  delete failed: pr-1/index.html: AccessDenied: no"]);
  });
});
