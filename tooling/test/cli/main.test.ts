import { describe, expect, it } from "vitest";
import { commands } from "../../src/cli/main.ts";
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
});
