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
const SHA = "0123456789abcdef0123456789abcdef01234567";
/** The green comment, as lines: checked `sha` (described as `checked`), its preview built from `builtFrom`. */
const greenLines = (sha: string, checked = sha.slice(0, 7), builtFrom = sha) => [
  "<!-- exemplar-preview -->",
  ":white_check_mark: **Checks passed**",
  "**Docs preview:** https://docs.example.com/pr-12/",
  "",
  "- Examples: 9 passed, 0 failed, 1 skipped",
  "- Pages: 4 (11 keyed blocks)",
  "",
  `Checked ${checked}; this comment is updated on every push.`,
  `<!-- exemplar-preview-of: ${builtFrom} -->`,
];
const body = (sha: string) => greenLines(sha).join("\n");
const BODY = body(SHA);

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
    expect(github.comments.get("octo/docs#12")!.map(({ body }) => body)).toEqual([body("fedcba9876543210fedcba9876543210fedcba98")]);
    expect(github.requests.every(({ authorization }) => authorization === "Bearer ghs_test")).toBe(true);
  });

  test("in a pull request's workflow: green names the merge; a failed push turns it red and keeps the last good preview", async () => {
    // the merge commits aaaa..., bbbb..., the heads 1111..., 2222...
    const MERGE = (n: number) => "abcd"[n - 1]!.repeat(40);
    const HEAD = (n: number) => String(n).repeat(40);
    const push = (n: number, failed: string, report = "check.json") =>
      exemplar([...comment().map((arg) => (arg === "check.json" ? report : arg)), "--commit", MERGE(n), "--head", HEAD(n), "--base", "main", "--failed", failed]);
    const current = () => github.comments.get("octo/docs#12")!.map(({ body }) => body.split("\n"));

    // the first push builds: green, the preview is its build
    expect((await push(1, ",,,,")).code).toBe(0);
    expect(current()).toEqual([greenLines(MERGE(1), "aaaaaaa, the merge of 1111111 into `main`", HEAD(1))]);

    // the second push's build fails: red, naming the step, and the preview still shows the first
    expect((await push(2, ",,,the site build (npm run docs:build),")).code).toBe(0);
    expect(current()[0]!.slice(1, 3)).toEqual([":x: **Checks failed:** the site build (npm run docs:build)", "**Docs preview:** https://docs.example.com/pr-12/ still shows an earlier commit, 1111111; it is replaced once a push builds"]);
    expect(current()[0]!.slice(-2)).toEqual(["Checked bbbbbbb, the merge of 2222222 into `main`; this comment is updated on every push.", `<!-- exemplar-preview-of: ${HEAD(1)} -->`]);

    // the third push's install fails: no report was written, and the first push's preview is still the one
    expect((await push(3, "the install (npm ci),,the examples' check (exemplar check),,", "reports/none.json")).code).toBe(0);
    expect(current()[0]!.slice(1, 5)).toEqual([
      ":x: **Checks failed:** the install (npm ci), the examples' check (exemplar check)",
      "**Docs preview:** https://docs.example.com/pr-12/ still shows an earlier commit, 1111111; it is replaced once a push builds",
      "",
      "- Examples: not checked (no report: the check did not run, or stopped before writing it)",
    ]);

    // the fourth push passes: green again, its own preview
    expect((await push(4, ",,,,")).code).toBe(0);
    expect(current()[0]!.slice(1, 3)).toEqual([":white_check_mark: **Checks passed**", "**Docs preview:** https://docs.example.com/pr-12/"]);
    expect(current()[0]!.at(-1)).toBe(`<!-- exemplar-preview-of: ${HEAD(4)} -->`);
    expect(current()).toHaveLength(1);
  });

  test("a pull request whose first push fails says there is no preview yet", async () => {
    const result = await exemplar(comment(["--commit", SHA, "--failed", "the site build (npm run docs:build)"]));
    expect(result.code).toBe(0);
    expect(github.comments.get("octo/docs#12")!.map(({ body }) => body.split("\n")[2])).toEqual(["**Docs preview:** none yet; it is published to https://docs.example.com/pr-12/ once a push builds"]);
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
      const lines = dry.stdout.split("\n");
      expect(lines[1]).toBe(":x: **Checks failed:** 2 examples");
      expect(lines.slice(4, 8)).toEqual(["- Examples: 5 passed, 2 failed, 1 skipped", expect.stringMatching(/^ {2}- `[\w./-]+` at `examples\/[\w./-]+\.ts:\d+`$/), expect.stringMatching(/^ {2}- `[\w./-]+` at `examples\/[\w./-]+\.ts:\d+`$/), "- Pages: not checked"]);
      expect(lines).toContain("  - `broken.typo` at `examples/broken.ts:9`");
    } finally {
      project.remove();
    }
  });
});
