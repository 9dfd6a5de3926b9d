import { expect, test } from "vitest";

test("the public API of @envelope/platform is deliberate", async () => {
  expect(Object.keys(await import("@envelope/platform")).sort()).toEqual([
    "EnvelopeError",
    "Registry",
    "bundleCustomCode",
    "createAlerter",
    "deriveFields",
    "formatAlert",
    "formatProblem",
    "formatUsageReport",
    "issueToken",
    "jsonlSink",
    "loadCustomCode",
    "lockedVersionsFrom",
    "metricSchemas",
    "openStore",
    "readJsonlEvents",
    "readLockedVersions",
    "startRegistry",
    "suggestFix",
    "summarizeFeatures",
    "usageReport",
    "validateEnvelope",
    "validateMetrics",
  ]);
});
