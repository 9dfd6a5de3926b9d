import { expect, test } from "vitest";
import type { UsageEvent } from "../../src/tracking/UsageEvent.ts";
import { formatUsageReport } from "../../src/usage/formatUsageReport.ts";
import { usageReport } from "../../src/usage/usageReport.ts";

function event(at: string, user: string, fn: string, errorCode: string | null = null): UsageEvent {
  return { at, fn, args: [], success: errorCode === null, errorClass: errorCode ? "EnvelopeError" : null, errorCode, errorMessage: errorCode ? `${errorCode} message` : null, durationMs: 1, user, team: user === "old" ? "legacy" : "churn", clientVersion: "0.1.0", model: null };
}

const events = [
  event("2030-01-01T00:00:00Z", "old", "save"),
  event("2030-01-09T00:00:00Z", "old", "find"),
  event("2030-01-09T01:00:00Z", "ada", "save", "ENVELOPE_INVALID"),
  event("2030-01-09T02:00:00Z", "ada", "save"),
  event("2030-01-09T03:00:00Z", "bob", "save", "ENVELOPE_INVALID"),
  event("2030-01-09T04:00:00Z", "bob", "get", "ENVELOPE_NOT_FOUND"),
];

test("new users are those first seen in the window; calls, failure rates and top errors cover the window only", () => {
  const report = usageReport(events, { days: 7, now: new Date("2030-01-10T00:00:00Z") });
  expect(report.newUsers).toEqual([
    { user: "ada", team: "churn", firstSeen: "2030-01-09T01:00:00Z" },
    { user: "bob", team: "churn", firstSeen: "2030-01-09T03:00:00Z" },
  ]);
  expect(report.functions).toEqual([
    { fn: "save", calls: 3, failures: 2, failureRate: 2 / 3 },
    { fn: "find", calls: 1, failures: 0, failureRate: 0 },
    { fn: "get", calls: 1, failures: 1, failureRate: 1 },
  ]);
  expect(report.topErrors).toEqual([
    { error: "ENVELOPE_INVALID", message: "ENVELOPE_INVALID message", count: 2, users: 2 },
    { error: "ENVELOPE_NOT_FOUND", message: "ENVELOPE_NOT_FOUND message", count: 1, users: 1 },
  ]);
});

test("formats as three sections", () => {
  const text = formatUsageReport(usageReport(events, { days: 7, now: new Date("2030-01-10T00:00:00Z"), top: 1 }));
  expect(text.split("\n")).toEqual([
    "Usage in the last 7 days",
    "",
    "New users: 2",
    "  ada (churn) since 2030-01-09",
    "  bob (churn) since 2030-01-09",
    "",
    "Calls per function:",
    "  function  calls  failures  failure rate",
    "  save          3         2         66.7%",
    "  find          1         0          0.0%",
    "  get           1         1        100.0%",
    "",
    "Top errors:",
    "  2 x ENVELOPE_INVALID (2 users): ENVELOPE_INVALID message",
  ]);
});
