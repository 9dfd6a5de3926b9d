import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { Command } from "../../src/cli/Command.ts";
import { commands } from "../../src/cli/main.ts";
import { GitHubError } from "../../src/github/GitHubError.ts";
import { corpus } from "../support/corpus.ts";
import { runCli } from "../support/captureIo.ts";

const usage = `Usage: exemplar <command> [options]

Every snippet in the docs is an example that just ran.

Commands:
${commands.map((command) => `  ${command.name.padEnd(Math.max(...commands.map((other) => other.name.length)))}  ${command.summary}`).join("\n")}

Run \`exemplar <command> --help\` for a command's options.
`;

describe("main", () => {
  it("lists check and list among its commands", () => {
    expect(commands.map((command) => command.name)).toEqual(expect.arrayContaining(["check", "list"]));
  });

  it.each(["--help", "-h", "help"])("prints the usage with %s and exits 0", async (flag) => {
    expect(await runCli([flag], corpus("cli"))).toEqual({ code: 0, stdout: usage, stderr: "" });
  });

  it("names each command with its summary in the usage", () => {
    // other commands (splice, publish) may sit between them; the padding follows the longest name
    expect(usage).toMatch(/^ {2}check {2,}run every example and check its output$/m);
    expect(usage).toMatch(/^ {2}list {2,}list the examples and their expectations$/m);
  });

  it("prints the usage and exits 2 without a command", async () => {
    expect(await runCli([], corpus("cli"))).toEqual({ code: 2, stdout: usage, stderr: "" });
  });

  it("exits 2 on an unknown command, suggesting the closest one", async () => {
    expect(await runCli(["chek"], corpus("cli"))).toEqual({
      code: 2,
      stdout: "",
      stderr: `exemplar: unknown command \`chek\`; did you mean \`check\`?\n\n${usage}`,
    });
  });

  it("exits 2 on an unknown command far from every known one, without a suggestion", async () => {
    const run = await runCli(["frobnicate"], corpus("cli"));
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`exemplar: unknown command \`frobnicate\`\n\n${usage}`);
  });

  it("prints a known error as its command's line, with the message's further lines below, and exits 2", async () => {
    const config = fileURLToPath(new URL("../config/fixtures/invalid/exemplar.config.ts", import.meta.url));
    expect(await runCli(["list", "--config", config], corpus("cli"))).toEqual({
      code: 2,
      stdout: "",
      stderr: `exemplar list: ${config}: invalid config:\n` +
        "  - `examples` must be a list of globs, got \"examples/*.ts\"\n" +
        "  - `timeout` must be a positive number of milliseconds, got -1\n" +
        "  - `jobs` must be a positive whole number, got 1.5\n",
    });
  });

  it.each([
    // a code in the table that exits 1 keeps it when a command leaves the error to main
    { error: new GitHubError("EXEMPLAR_GITHUB_UNREACHABLE", "cannot reach http://127.0.0.1:9"), code: 1, stderr: /^exemplar thrower: cannot reach http:\/\/127\.0\.0\.1:9\n$/ },
    // an error without a code is exemplar's bug: exit 2, the stack under the line
    { error: new TypeError("x is undefined"), code: 2, stderr: new RegExp(`^exemplar thrower: unexpected error: TypeError: x is undefined\n( {4}at .+\n)+$`) },
  ])("routes a command's thrown $error.name through the exit code table", async ({ error, code, stderr }) => {
    const thrower: Command = { name: "thrower", help: "", run: () => Promise.reject(error) };
    commands.push({ name: "thrower", summary: "throws", load: async () => thrower });
    try {
      const run = await runCli(["thrower"], path.sep);
      expect({ code: run.code, stdout: run.stdout }).toEqual({ code, stdout: "" });
      expect(run.stderr).toMatch(stderr);
    } finally {
      commands.pop();
    }
  });
});
