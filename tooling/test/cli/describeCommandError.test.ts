import { describe, expect, test } from "vitest";
import { describeCommandError } from "../../src/cli/describeCommandError.ts";
import { ExemplarError } from "../../src/errors/ExemplarError.ts";
import { GitHubError } from "../../src/github/GitHubError.ts";

describe("describeCommandError", () => {
  test.each([
    // a known error: the command's name, then the short message
    {
      command: "publish",
      error: new ExemplarError("EXEMPLAR_PUBLISH_PREFIX", 'refusing prefix "/": expected a folder such as "pr-12/"'),
      expected: { exitCode: 2, code: "EXEMPLAR_PUBLISH_PREFIX", line: 'exemplar publish: refusing prefix "/": expected a folder such as "pr-12/"', detail: [] },
    },
    // a message that already names the command (parseFlags, check, splice) is not prefixed twice
    {
      command: "list",
      error: new ExemplarError("EXEMPLAR_USAGE", "exemplar list: Unknown option '--jsn'; did you mean --json? (see `exemplar list --help`)"),
      expected: { exitCode: 2, code: "EXEMPLAR_USAGE", line: "exemplar list: Unknown option '--jsn'; did you mean --json? (see `exemplar list --help`)", detail: [] },
    },
    // a message naming another command is still prefixed with this one
    {
      command: "check",
      error: new ExemplarError("EXEMPLAR_USAGE", "exemplar splice: --write and --check cannot be used together"),
      expected: { exitCode: 2, code: "EXEMPLAR_USAGE", line: "exemplar check: exemplar splice: --write and --check cannot be used together", detail: [] },
    },
    // a multi-line message: its first line is the line, the config's problems are the detail
    {
      command: "check",
      error: new ExemplarError("EXEMPLAR_CONFIG_INVALID", "/p/exemplar.config.ts: invalid config:\n  - `jobs` must be a positive whole number, got 1.5"),
      expected: { exitCode: 2, code: "EXEMPLAR_CONFIG_INVALID", line: "exemplar check: /p/exemplar.config.ts: invalid config:", detail: ["  - `jobs` must be a positive whole number, got 1.5"] },
    },
    // a custom shortMessage summarizes: the whole message is the detail
    {
      command: "check",
      error: new ExemplarError("EXEMPLAR_SETUP_FAILED", "test/setup.ts: setup failed: no database", { shortMessage: "setup failed" }),
      expected: { exitCode: 2, code: "EXEMPLAR_SETUP_FAILED", line: "exemplar check: setup failed", detail: ["test/setup.ts: setup failed: no database"] },
    },
    // a remote's answer exits 1, the cause stays out of the line
    {
      command: "unpublish",
      error: new ExemplarError("EXEMPLAR_PUBLISH_BUCKET_NOT_FOUND", 'bucket "nope" does not exist at http://127.0.0.1:9', { cause: new Error("NoSuchBucket") }),
      expected: { exitCode: 1, code: "EXEMPLAR_PUBLISH_BUCKET_NOT_FOUND", line: 'exemplar unpublish: bucket "nope" does not exist at http://127.0.0.1:9', detail: [] },
    },
    // a GitHubError goes through the same table
    {
      command: "pr-comment",
      error: new GitHubError("EXEMPLAR_GITHUB_AUTH", "the GitHub API at http://127.0.0.1:9 refused the token (HTTP 401: Bad credentials)", { status: 401 }),
      expected: { exitCode: 1, code: "EXEMPLAR_GITHUB_AUTH", line: "exemplar pr-comment: the GitHub API at http://127.0.0.1:9 refused the token (HTTP 401: Bad credentials)", detail: [] },
    },
    // a thrown value that is not an Error: its text, exit 2, no stack to show
    {
      command: "splice",
      error: "out of cheese",
      expected: { exitCode: 2, code: "UNEXPECTED", line: "exemplar splice: unexpected error: out of cheese", detail: [] },
    },
  ])("$expected.line", ({ command, error, expected }) => {
    expect(describeCommandError(command, error)).toEqual(expected);
  });

  test("an unexpected Error exits 2 with its name and first line, its further lines and stack frames below", () => {
    const error = new TypeError("cannot read x\nof undefined");
    const described = describeCommandError("check", error);
    expect(described).toMatchObject({ exitCode: 2, code: "UNEXPECTED", line: "exemplar check: unexpected error: TypeError: cannot read x" });
    expect(described.detail[0]).toBe("of undefined");
    expect(described.detail.length).toBeGreaterThan(1);
    expect(described.detail.slice(1).every((line) => /^\s+at /.test(line))).toBe(true);
  });

  test("a plain Error is not named twice", () => {
    expect(describeCommandError("list", new Error("boom")).line).toBe("exemplar list: unexpected error: boom");
  });
});
