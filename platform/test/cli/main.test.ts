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
  [["deploy"], 2, "err", /unknown command "deploy"; expected one of usage, registry, token, serve, batch, runs, deploy-rule, reconcile/],
  [["usage", "--dayz", "3"], 2, "err", /Unknown option '--dayz'/],
  [["usage", "--days", "0"], 2, "err", /--days 0: expected a whole number of days >= 1/],
  [["usage"], 2, "err", /no registry: pass --url and --token/],
] as const)("envelope %j exits %i", async (argv, code, stream, text) => {
  const captured = io();
  expect(await main([...argv], captured)).toBe(code);
  expect(stream === "out" ? captured.out : captured.err).toMatch(text);
});

test.each([
  // the brief's example: token create is refused serve's and registry's --port
  [["token", "create", "--user", "ada", "--team", "churn", "--port", "3"], "envelope token create: Unknown option '--port'; expected one of --user, --team, --admin, --url, --token, --data (see `envelope token --help`)"],
  // usage reads events; --host belongs to registry and serve
  [["usage", "--host", "0.0.0.0"], "envelope usage: Unknown option '--host'; expected one of --days, --function, --team, --file, --url, --token, --top, --json (see `envelope usage --help`)"],
  // registry is the registry: it takes no --url or --token of one
  [["registry", "--token", "t"], "envelope registry: Unknown option '--token'; expected one of --port, --host, --data, --artifacts, --max-body-bytes (see `envelope registry --help`)"],
  // serve prints no report, so no --json (usage's and reconcile's)
  [["serve", "churn@3", "--json"], "envelope serve: Unknown option '--json'; expected one of --port, --host, --timeout, --workers, --max-memory, --max-queue, --service, --url, --token (see `envelope serve --help`)"],
  // deploy-rule list only reads: --port is add's
  [["deploy-rule", "list", "--port", "8081"], "envelope deploy-rule list: Unknown option '--port'; expected one of --url, --token (see `envelope deploy-rule --help`)"],
  // deploy-rule add stores a rule; --dir is reconcile's
  [["deploy-rule", "add", "--service", "churn-api", "--tags", "name=churn", "--dir", "x"], "envelope deploy-rule add: Unknown option '--dir'; expected one of --service, --tags, --port, --url, --token (see `envelope deploy-rule --help`)"],
  // reconcile reads the tags from the rules, never from --tags
  [["reconcile", "--tags", "name=churn"], "envelope reconcile: Unknown option '--tags'; expected one of --service, --dir, --json, --url, --token (see `envelope reconcile --help`)"],
] as const)("envelope %j refuses another command's flag", async (argv, line) => {
  const captured = io();
  expect(await main([...argv], captured)).toBe(2);
  expect(captured.err).toBe(`${line}\n`);
});

test.each([
  // a swap, the brief's example: the MODEL after it does not matter, the flag is refused first
  [["serve", "--prot", "3", "x"], "envelope serve: Unknown option '--prot'; did you mean --port? (see `envelope serve --help`)"],
  // one letter missing
  [["registry", "--max-body-byte", "9"], "envelope registry: Unknown option '--max-body-byte'; did you mean --max-body-bytes? (see `envelope registry --help`)"],
  // one letter missing, with the value inline
  [["token", "create", "--usr=ada"], "envelope token create: Unknown option '--usr'; did you mean --user? (see `envelope token --help`)"],
  // one letter wrong
  [["reconcile", "--servise", "churn-api"], "envelope reconcile: Unknown option '--servise'; did you mean --service? (see `envelope reconcile --help`)"],
  // singular for plural
  [["deploy-rule", "add", "--tag", "name=churn"], "envelope deploy-rule add: Unknown option '--tag'; did you mean --tags? (see `envelope deploy-rule --help`)"],
  // --help is a flag of every command, so it is suggested too
  [["usage", "--hepl"], "envelope usage: Unknown option '--hepl'; did you mean --help? (see `envelope usage --help`)"],
  // a one-letter flag is not taken for a typo of a long one
  [["usage", "-d", "3"], "envelope usage: Unknown option '-d'; expected one of --days, --function, --team, --file, --url, --token, --top, --json (see `envelope usage --help`)"],
] as const)("envelope %j suggests the nearest flag", async (argv, line) => {
  const captured = io();
  expect(await main([...argv], captured)).toBe(2);
  expect(captured.err).toBe(`${line}\n`);
});

test.each([
  // the brief's example: two letters swapped
  [["regsitry"], 'envelope: unknown command "regsitry"; did you mean registry? (see `envelope --help`)'],
  // a letter missing
  [["serv", "churn@3"], 'envelope: unknown command "serv"; did you mean serve? (see `envelope --help`)'],
  // a plural
  [["deploy-rules", "list"], 'envelope: unknown command "deploy-rules"; did you mean deploy-rule? (see `envelope --help`)'],
  // nothing close: the list instead
  [["deploy"], 'envelope: unknown command "deploy"; expected one of usage, registry, token, serve, batch, runs, deploy-rule, reconcile (see `envelope --help`)'],
  // a word every object has is still not a command
  [["constructor"], 'envelope: unknown command "constructor"; expected one of usage, registry, token, serve, batch, runs, deploy-rule, reconcile (see `envelope --help`)'],
  // a flag where the command should be
  [["--port", "3"], 'envelope: unknown command "--port"; expected one of usage, registry, token, serve, batch, runs, deploy-rule, reconcile (see `envelope --help`)'],
  // a subcommand two letters off
  [["token", "craete"], 'envelope token: unknown subcommand "craete"; did you mean `envelope token create`? (see `envelope token --help`)'],
  // a subcommand left out
  [["token"], "envelope token: missing subcommand; expected `envelope token create` or `envelope token list` or `envelope token revoke` (see `envelope token --help`)"],
  // the subcommand comes first: its flags depend on it
  [["deploy-rule", "--service", "x", "add"], "envelope deploy-rule: expected the subcommand before --service: `envelope deploy-rule add` or `envelope deploy-rule list` (see `envelope deploy-rule --help`)"],
] as const)("envelope %j names the nearest command", async (argv, line) => {
  const captured = io();
  expect(await main([...argv], captured)).toBe(2);
  expect(captured.err).toBe(`${line}\n`);
});

test.each([
  // serve takes one MODEL, not two
  [["serve", "churn@3", "churn@4"], 'envelope serve: unexpected argument "churn@4"; expected one MODEL (churn@3 or name=churn,stage=prod) (see `envelope serve --help`)'],
  // registry's port is a flag
  [["registry", "8080"], 'envelope registry: unexpected argument "8080"; expected no arguments (see `envelope registry --help`)'],
  // usage and reconcile take none either
  [["usage", "7"], 'envelope usage: unexpected argument "7"; expected no arguments (see `envelope usage --help`)'],
  [["reconcile", "churn-api"], 'envelope reconcile: unexpected argument "churn-api"; expected no arguments (see `envelope reconcile --help`)'],
  // nor do subcommands
  [["token", "create", "ada"], 'envelope token create: unexpected argument "ada"; expected no arguments (see `envelope token --help`)'],
  [["deploy-rule", "list", "churn-api"], 'envelope deploy-rule list: unexpected argument "churn-api"; expected no arguments (see `envelope deploy-rule --help`)'],
  // a string flag at the end, without its value
  [["serve", "churn@3", "--port"], "envelope serve: Option '--port <value>' argument missing (see `envelope serve --help`)"],
  // a boolean flag given a value
  [["reconcile", "--json=yes"], "envelope reconcile: Option '--json' does not take an argument (see `envelope reconcile --help`)"],
] as const)("envelope %j refuses the arguments", async (argv, line) => {
  const captured = io();
  expect(await main([...argv], captured)).toBe(2);
  expect(captured.err).toBe(`${line}\n`);
});

test.each([
  // a subcommand's help, and help in place of the subcommand
  [["token", "create", "--help"], /^envelope token: issue, list and revoke bearer tokens/],
  [["deploy-rule", "-h"], /^envelope deploy-rule: which service runs which model/],
  // help needs no MODEL
  [["serve", "-h"], /^envelope serve: serve a model's predictions/],
  [["help"], /^envelope: the Model Envelope platform/],
] as const)("envelope %j prints the help", async (argv, text) => {
  const captured = io();
  expect(await main([...argv], captured)).toBe(0);
  expect(captured.out).toMatch(text);
  expect(captured.err).toBe("");
});

test("a command's own errors are one line under its name, subcommand included", async () => {
  const captured = io();
  expect(await main(["token", "create", "--user", "ada"], captured)).toBe(2);
  expect(captured.err).toBe("envelope token create: expected --user NAME and --team TEAM\n");
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
