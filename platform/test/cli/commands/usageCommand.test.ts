import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll, expect, test, vi } from "vitest";
import type { CliIo } from "../../../src/cli/CliIo.ts";
import { main } from "../../../src/cli/main.ts";
import type { UsageEvent } from "../../../src/tracking/UsageEvent.ts";
import { formatUsageReport } from "../../../src/usage/formatUsageReport.ts";
import { usageReport } from "../../../src/usage/usageReport.ts";
import { startTestRegistry, type TestRegistry } from "../../support/startTestRegistry.ts";
import { tempDir } from "../../support/tempDir.ts";

let registry: TestRegistry;
const now = new Date("2030-01-10T00:00:00.000Z");

function event(at: string, user: string, team: string, fn: string, errorCode: string | null = null): UsageEvent {
  return { at, fn, args: [], success: errorCode === null, errorClass: errorCode ? "EnvelopeError" : null, errorCode, errorMessage: errorCode ? `${errorCode} message` : null, durationMs: 1, user, team, clientVersion: "0.1.0", model: null };
}

const events = [
  event("2030-01-01T00:00:00.000Z", "old", "churn", "save"),
  event("2030-01-09T00:00:00.000Z", "old", "churn", "find"),
  event("2030-01-09T01:00:00.000Z", "ada", "churn", "save", "ENVELOPE_INVALID"),
  event("2030-01-09T02:00:00.000Z", "ada", "churn", "save"),
  event("2030-01-09T03:00:00.000Z", "grace", "fraud", "save", "ENVELOPE_INVALID"),
  event("2030-01-09T04:00:00.000Z", "grace", "fraud", "get", "ENVELOPE_NOT_FOUND"),
];

beforeAll(async () => {
  registry = await startTestRegistry();
  await registry.store.recordEvents(events);
}, 60_000);
afterAll(() => registry.close());
afterEach(() => vi.restoreAllMocks());

function io(token: string): CliIo & { out: string; err: string } {
  const captured = { out: "", err: "" };
  return Object.assign(captured, { stdout: (text: string) => (captured.out += text), stderr: (text: string) => (captured.err += text), env: { ENVELOPE_REGISTRY_URL: registry.url, ENVELOPE_TOKEN: token }, now: () => now });
}

/** Runs `envelope usage` and the paths it asked the registry for. */
async function usage(argv: string[], token: string) {
  const paths: string[] = [];
  vi.restoreAllMocks();
  const realFetch = globalThis.fetch;
  vi.spyOn(globalThis, "fetch").mockImplementation((input, init) => {
    paths.push(new URL(String(input)).pathname);
    return realFetch(input, init);
  });
  const ran = io(token);
  const code = await main(["usage", ...argv], ran);
  return { code, ...ran, paths };
}

test("envelope usage asks the registry for the summary, not for every event; same report as over the events", async () => {
  const ran = await usage(["--days", "7"], registry.tokens.admin);
  expect([ran.code, ran.err]).toEqual([0, ""]);
  expect(ran.paths).toEqual(["/v1/usage/summary"]);
  expect(ran.out).toBe(`${formatUsageReport(usageReport(events, { days: 7, now }))}\n`);
});

test("a team's token sees its team's usage; --function and --top narrow it; --json keeps the report's shape", async () => {
  const ran = await usage(["--days", "7", "--json", "--function", "save", "--top", "1"], registry.tokens.ada);
  expect(ran.code).toBe(0);
  const churnSaves = events.filter((entry) => entry.team === "churn" && entry.fn === "save");
  expect(JSON.parse(ran.out)).toEqual(usageReport(churnSaves, { days: 7, now, top: 1 }));
});

test("--team narrows an admin's report to one team, over the registry and over a file alike", async () => {
  const ran = await usage(["--days", "7", "--json", "--team", "fraud"], registry.tokens.admin);
  expect(JSON.parse(ran.out)).toEqual(usageReport(events.filter((entry) => entry.team === "fraud"), { days: 7, now }));
  const temp = tempDir();
  const file = path.join(temp.dir, "usage.jsonl");
  writeFileSync(file, events.map((entry) => JSON.stringify(entry)).join("\n"));
  const fromFile = await usage(["--days", "7", "--json", "--team", "fraud", "--file", file], registry.tokens.admin);
  temp.remove();
  expect([fromFile.out, fromFile.paths]).toEqual([ran.out, []]);
  const refused = await usage(["--team", "fraud"], registry.tokens.ada);
  expect([refused.code, refused.err]).toEqual([1, expect.stringMatching(/403 ENVELOPE_FORBIDDEN: the token of ada \(team churn\) reads its own team's usage/)]);
});
