import { writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, test } from "vitest";
import type { CliIo } from "../../src/cli/CliIo.ts";
import { main } from "../../src/cli/main.ts";
import { tempDir } from "../support/tempDir.ts";

function io(env: NodeJS.ProcessEnv = {}): CliIo & { out: string; err: string } {
  const captured = { out: "", err: "" };
  return Object.assign(captured, { stdout: (text: string) => (captured.out += text), stderr: (text: string) => (captured.err += text), env, now: () => new Date("2030-01-10T00:00:00Z") });
}

const temp = tempDir();
afterAll(() => temp.remove());

test.each([
  // argv, exit code, where, text
  [["--help"], 0, "out", /^envelope: the Model Envelope platform\n\nUsage: envelope <command>/],
  [[], 2, "out", /Commands:/],
  [["usage", "--help"], 0, "out", /^envelope usage: who started using the platform/],
  [["serve", "--help"], 0, "out", /--max-body-bytes N/],
  [["token", "--help"], 0, "out", /envelope token create --user NAME --team TEAM/],
  [["deploy"], 2, "err", /unknown command "deploy"; expected one of usage, serve, token/],
  [["usage", "--dayz", "3"], 2, "err", /Unknown option '--dayz'/],
  [["usage", "--days", "0"], 2, "err", /--days 0: expected a whole number of days >= 1/],
  [["usage"], 2, "err", /no registry: pass --url and --token/],
] as const)("envelope %j exits %i", async (argv, code, stream, text) => {
  const captured = io();
  expect(await main([...argv], captured)).toBe(code);
  expect(stream === "out" ? captured.out : captured.err).toMatch(text);
});

test("envelope usage --file prints the report from a JSONL file", async () => {
  const file = path.join(temp.dir, "usage.jsonl");
  const event = { at: "2030-01-09T00:00:00.000Z", fn: "save", args: [], success: false, errorClass: "EnvelopeError", errorCode: "ENVELOPE_INVALID", errorMessage: "1 problem in the envelope", durationMs: 3, user: "ada", team: "churn", clientVersion: "0.1.0", model: "churn" };
  writeFileSync(file, `${JSON.stringify(event)}\n`);
  const captured = io();
  expect(await main(["usage", "--file", file, "--days", "3"], captured)).toBe(0);
  expect(captured.out).toBe(
    ["Usage in the last 3 days", "", "New users: 1", "  ada (churn) since 2030-01-09", "", "Calls per function:", "  function  calls  failures  failure rate", "  save          1         1        100.0%", "", "Top errors:", "  1 x ENVELOPE_INVALID (1 user): 1 problem in the envelope", ""].join("\n"),
  );
  writeFileSync(file, "{not json\n");
  const broken = io();
  expect(await main(["usage", "--file", file], broken)).toBe(2);
  expect(broken.err).toMatch(/usage\.jsonl:1: not a JSON event/);
});
