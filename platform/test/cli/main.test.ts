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
  [["registry", "--help"], 0, "out", /^envelope registry: run the registry[\s\S]*--max-body-bytes N/],
  [["serve", "--help"], 0, "out", /^envelope serve: serve a model's predictions over HTTP\n\nUsage: envelope serve MODEL/],
  [["deploy-rule", "--help"], 0, "out", /envelope deploy-rule add --service NAME --tags k=v/],
  [["reconcile", "--help"], 0, "out", /^envelope reconcile: start or restart the services/],
  [["serve"], 2, "err", /envelope serve: expected one MODEL \(churn@3 or name=churn,stage=prod\), got none/],
  [["serve", "churn@v3", "--url", "http://127.0.0.1:9", "--token", "t"], 1, "err", /MODEL.version: expected a version number \(1, 2, \.\.\.\) or latest, as in churn@3, got "v3"/],
  [["serve", "churn@3", "--port", "70000"], 2, "err", /--port 70000: expected a whole number from 0 to 65535/],
  [["deploy-rule", "add", "--service", "churn-api", "--tags", "stage"], 2, "err", /--tags\[0\]: expected key=value/],
  [["deploy-rule", "remove"], 2, "err", /expected `envelope deploy-rule add` or `envelope deploy-rule list`/],
  [["token", "--help"], 0, "out", /envelope token create --user NAME --team TEAM/],
  [["deploy"], 2, "err", /unknown command "deploy"; expected one of usage, registry, token, serve, deploy-rule, reconcile/],
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
