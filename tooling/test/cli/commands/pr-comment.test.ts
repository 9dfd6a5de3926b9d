// the command lives in src/cli/commands/pr-comment.ts; it runs through `main`, as the CLI does,
// against a fake GitHub API on loopback
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, beforeEach, describe, expect, test } from "vitest";
import { prCommentCommand } from "../../../src/cli/commands/pr-comment.ts";
import { main } from "../../../src/cli/main.ts";
import { startFakeGitHub, type FakeGitHub } from "../../github/helpers/startFakeGitHub.ts";
import { captureIo } from "../../publish/helpers/captureIo.ts";
import { copyCorpus } from "../../support/corpus.ts";

let github: FakeGitHub;
let work: string;
beforeAll(async () => {
  github = await startFakeGitHub({ token: "ghs_test", pullRequests: ["octo/docs#12"] });
  work = await mkdtemp(join(tmpdir(), "exemplar-pr-comment-"));
  const report = { summary: { passed: 9, failed: 0, skipped: 1, durationMs: 500 }, examples: [], docs: { pages: 4, blocks: 11, errors: [], warnings: [], usages: {} } };
  await writeFile(join(work, "check.json"), JSON.stringify(report));
});
afterAll(async () => {
  await github.close();
  await rm(work, { recursive: true, force: true });
});
beforeEach(() => {
  github.comments.set("octo/docs#12", []);
  github.requests.length = 0;
});

async function exemplar(argv: string[], env: Record<string, string | undefined> = { GITHUB_TOKEN: "ghs_test", GITHUB_API_URL: github.apiUrl }, cwd = work) {
  const io = captureIo(cwd, env);
  const code = await main(argv, io);
  return { code, stdout: io.out.join(""), stderr: io.err.join("") };
}
const comment = (extra: string[] = []) => ["pr-comment", "--repo", "octo/docs", "--pr", "12", "--url", "https://docs.example.com/pr-12/", "--report", "check.json", ...extra];
const BODY = [
  "<!-- exemplar-preview -->",
  "**Docs preview:** https://docs.example.com/pr-12/",
  "",
  "- Examples: 9 passed, 0 failed, 1 skipped",
  "- Pages: 4 (11 keyed blocks)",
  "",
  "Built from 0123456; this comment is updated on every push.",
].join("\n");
const SHA = "0123456789abcdef0123456789abcdef01234567";

describe("exemplar pr-comment", () => {
  test("--help prints the help and exits 0", async () => {
    expect(await exemplar(["pr-comment", "--help"])).toEqual({ code: 0, stdout: `${prCommentCommand.help}\n`, stderr: "" });
  });

  test("--dry-run prints the comment and sends nothing, without a token", async () => {
    expect(await exemplar(comment(["--commit", SHA, "--dry-run"]), {})).toEqual({ code: 0, stdout: `${BODY}\n`, stderr: "" });
    expect(github.requests).toEqual([]);
  });

  test("creates the comment, then updates it: a second run never adds a second comment", async () => {
    const first = await exemplar(comment(["--commit", SHA]));
    expect(first).toEqual({ code: 0, stdout: "created the preview comment on octo/docs#12: https://github.com/octo/docs/pull/12#issuecomment-1000\n", stderr: "" });
    expect(github.comments.get("octo/docs#12")!.map(({ body }) => body)).toEqual([BODY]);

    const same = await exemplar(comment(["--commit", SHA]));
    expect(same.stdout).toBe("unchanged the preview comment on octo/docs#12: https://github.com/octo/docs/pull/12#issuecomment-1000\n");

    const next = await exemplar(comment(["--commit", "fedcba9876543210fedcba9876543210fedcba98"]));
    expect(next.stdout).toBe("updated the preview comment on octo/docs#12: https://github.com/octo/docs/pull/12#issuecomment-1000\n");
    expect(github.comments.get("octo/docs#12")!.map(({ body }) => body)).toEqual([BODY.replace("0123456", "fedcba9")]);
    expect(github.requests.every(({ authorization }) => authorization === "Bearer ghs_test")).toBe(true);
  });

  test.each([
    { name: "401: a bad token", argv: comment(), env: { GITHUB_TOKEN: "wrong" }, line: /^exemplar pr-comment: the GitHub API at http:\/\/127\.0\.0\.1:\d+ refused the token \(HTTP 401: Bad credentials\); expected GITHUB_TOKEN to hold a valid token\n$/ },
    { name: "404: an unknown pull request", argv: comment().map((arg) => (arg === "12" ? "13" : arg)), env: {}, line: /^exemplar pr-comment: pull request octo\/docs#13 not found at http:\/\/127\.0\.0\.1:\d+ \(HTTP 404: Not Found\); expected an existing repository and pull request that the token can see\n$/ },
  ])("$name: one line, exit 1, no comment", async ({ argv, env, line }) => {
    const result = await exemplar(argv, { GITHUB_TOKEN: "ghs_test", GITHUB_API_URL: github.apiUrl, ...env });
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 1, stdout: "" });
    expect(result.stderr).toMatch(line);
    expect(result.stderr).not.toContain("wrong");
    expect(github.comments.get("octo/docs#12")).toEqual([]);
  });

  test.each([
    { name: "no token", argv: comment(), env: { GITHUB_TOKEN: "", GITHUB_API_URL: "http://127.0.0.1:9" }, line: /^exemplar pr-comment: GITHUB_TOKEN is not set; expected a token with pull-requests: write/ },
    { name: "bad --repo", argv: comment().map((arg) => (arg === "octo/docs" ? "octo" : arg)), env: {}, line: /^exemplar pr-comment: --repo "octo" is not OWNER\/NAME; expected e\.g\. --repo octo\/docs\n$/ },
    { name: "bad --pr", argv: comment().map((arg) => (arg === "12" ? "#12" : arg)), env: {}, line: /^exemplar pr-comment: --pr "#12" is not a pull request number; expected e\.g\. --pr 12\n$/ },
    { name: "bad --url", argv: comment().map((arg) => (arg.startsWith("https:") ? "docs.example.com" : arg)), env: {}, line: /^exemplar pr-comment: --url "docs\.example\.com" is not an http\(s\) URL/ },
    { name: "missing report", argv: comment().map((arg) => (arg === "check.json" ? "nowhere.json" : arg)), env: {}, line: /^exemplar pr-comment: cannot read --report nowhere\.json \(ENOENT\); expected the file written by `exemplar check --json-out nowhere\.json`\n$/ },
    { name: "unknown flag", argv: [...comment(), "--reprot", "x"], env: {}, line: /^exemplar pr-comment: Unknown option '--reprot'/ },
  ])("$name: one line, exit 2, nothing sent", async ({ argv, env, line }) => {
    const result = await exemplar(argv, { GITHUB_TOKEN: "ghs_test", ...env });
    expect({ code: result.code, stdout: result.stdout }).toEqual({ code: 2, stdout: "" });
    expect(result.stderr).toMatch(line);
    expect(github.requests).toEqual([]);
  });

  test("reads the report of `exemplar check --reporter github --json-out FILE`, which also annotates", async () => {
    const project = copyCorpus("cli");
    try {
      const check = await exemplar(["check", "--reporter", "github", "--json-out", "reports/check.json"], {}, project.root);
      expect(check.code).toBe(1);
      // the annotations go to stdout, where the runner reads them, on the failing example's line
      expect(check.stdout).toMatch(/^::error file=examples\/broken\.ts,line=9,title=example broken\.typo failed::/m);
      expect(check.stdout.trimEnd().split("\n").at(-1)).toBe("Examples: 5 passed, 2 failed, 1 skipped");
      expect(JSON.parse(await readFile(join(project.root, "reports/check.json"), "utf8")).summary).toMatchObject({ passed: 5, failed: 2, skipped: 1 });

      const dry = await exemplar(["pr-comment", "--repo", "octo/docs", "--pr", "12", "--url", "https://docs.example.com/pr-12/", "--report", "reports/check.json", "--dry-run"], {}, project.root);
      expect(dry.stdout.split("\n").slice(3, 5)).toEqual(["- Examples: 5 passed, 2 failed, 1 skipped", "- Pages: not checked"]);
    } finally {
      project.remove();
    }
  });
});
