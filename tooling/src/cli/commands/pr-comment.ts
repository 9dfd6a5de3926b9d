import { readFile } from "node:fs/promises";
import path from "node:path";
import { ExemplarError } from "../../errors/ExemplarError.ts";
import { formatPreviewComment } from "../../github/formatPreviewComment.ts";
import { parseCheckReport, type CheckReportSummary } from "../../github/parseCheckReport.ts";
import { previewBuiltFrom } from "../../github/previewBuiltFrom.ts";
import { upsertPullRequestComment } from "../../github/upsertPullRequestComment.ts";
import type { Command, CommandIo } from "../Command.ts";
import { parseFlags as parseCommandFlags } from "../parseFlags.ts";
import { reportCommandError } from "../reportCommandError.ts";

const help = `Usage: exemplar pr-comment --repo OWNER/NAME --pr N --url URL --report FILE [options]

Creates or updates the one comment on a pull request that links its docs preview and says what
the checks found: passed, or which steps failed, with \`exemplar check\`'s summary (examples
passed and failed, the failed ones' places, pages). The comment carries a hidden marker,
<!-- exemplar-preview -->, by which the next run finds and updates it.

When a step failed the preview was not replaced: the comment says which earlier commit it still
shows (the previous comment records it), or that there is none yet.

Options:
  --repo OWNER/NAME  the repository (required), e.g. \${{ github.repository }}
  --pr N             the pull request's number (required)
  --url URL          the preview's URL (required), e.g. https://docs.example.com/pr-12/
  --report FILE      the JSON report of \`exemplar check --json-out FILE\` (required; it may be
                     missing when --failed names a step, e.g. when the install failed)
  --commit SHA       the commit that was checked: in a pull request's workflow GITHUB_SHA, the
                     merge commit GitHub made of the head and the base branch
  --head SHA         the pull request's head commit, when --commit is that merge commit
  --base BRANCH      the branch it merges into, e.g. main
  --failed LIST      the steps that failed, comma-separated, e.g. "the site build (npm run
                     docs:build)"; empty entries are ignored. Any makes the comment red and
                     means the preview was not replaced.
  --dry-run          print the comment and send nothing (reads no earlier comment either)
  -h, --help         print this help

The token comes from GITHUB_TOKEN (it needs pull-requests: write) and the API from
GITHUB_API_URL (default https://api.github.com).

Exit codes: 0 comment created, updated or already current, 1 the GitHub API failed, 2 usage error.`;

/** `exemplar pr-comment`: a thin shell over `formatPreviewComment` and `upsertPullRequestComment`. */
export const prCommentCommand: Command = {
  name: "pr-comment",
  help,
  async run(argv: string[], io: CommandIo): Promise<number> {
    try {
      const flags = parseFlags(argv);
      if (flags.help === true) {
        io.stdout(`${help}\n`);
        return 0;
      }
      const { repo, pr, url, report } = validate(flags);
      const failedSteps = (flags.failed ?? "").split(",").map((step) => step.trim()).filter((step) => step !== "");
      const checked = await readReport(path.resolve(io.cwd, report), report, failedSteps.length > 0);
      const comment = { url, ...checked, commit: flags.commit, head: flags.head, base: flags.base, failedSteps };
      // a failed step kept the preview from being replaced: the last comment says what it shows
      const body = (previous: string | undefined) => formatPreviewComment({ ...comment, preview: failedSteps.length === 0 ? "current" : (previewBuiltFrom(previous) ?? "earlier") });
      if (flags["dry-run"] === true) {
        io.stdout(`${formatPreviewComment({ ...comment, preview: failedSteps.length === 0 ? "current" : "earlier" })}\n`);
        return 0;
      }
      const token = io.env["GITHUB_TOKEN"];
      if (token === undefined || token === "") throw usage("GITHUB_TOKEN is not set; expected a token with pull-requests: write (in a workflow: env GITHUB_TOKEN: ${{ secrets.GITHUB_TOKEN }})");
      const apiUrl = io.env["GITHUB_API_URL"] || "https://api.github.com";
      const result = await upsertPullRequestComment({ apiUrl, token, repo, pr, body });
      io.stdout(`${result.action} the preview comment on ${repo}#${pr}${result.url ? `: ${result.url}` : ""}\n`);
      return 0;
    } catch (error) {
      return reportCommandError("pr-comment", error, io);
    }
  },
};

const flagOptions = {
  repo: { type: "string" },
  pr: { type: "string" },
  url: { type: "string" },
  report: { type: "string" },
  commit: { type: "string" },
  head: { type: "string" },
  base: { type: "string" },
  failed: { type: "string" },
  "dry-run": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function parseFlags(argv: string[]) {
  const { values, positionals } = parseCommandFlags("pr-comment", argv, flagOptions);
  if (positionals.length > 0) throw usage(`unexpected argument \`${positionals[0]}\`; every value goes with a flag (see \`exemplar pr-comment --help\`)`);
  return values;
}

function validate(flags: ReturnType<typeof parseFlags>): { repo: string; pr: number; url: string; report: string } {
  const { repo, url, report } = flags;
  if (repo === undefined || !/^[\w.-]+\/[\w.-]+$/.test(repo)) throw usage(`--repo ${JSON.stringify(repo ?? "")} is not OWNER/NAME; expected e.g. --repo octo/docs`);
  if (flags.pr === undefined || !/^[1-9]\d*$/.test(flags.pr)) throw usage(`--pr ${JSON.stringify(flags.pr ?? "")} is not a pull request number; expected e.g. --pr 12`);
  if (url === undefined || !/^https?:\/\/[^\s/]+\S*$/i.test(url)) throw usage(`--url ${JSON.stringify(url ?? "")} is not an http(s) URL; expected the preview's URL, e.g. https://docs.example.com/pr-12/`);
  if (report === undefined || report === "") throw usage("missing --report: expected the JSON report of `exemplar check --json-out FILE`");
  return { repo, pr: Number(flags.pr), url, report };
}

/** The report's summary; nothing when it is missing and a step failed (the check may not have run). */
async function readReport(file: string, report: string, somethingFailed: boolean): Promise<CheckReportSummary> {
  let text: string;
  try {
    text = await readFile(file, "utf8");
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (somethingFailed && code === "ENOENT") return {};
    throw usage(`cannot read --report ${report} (${code ?? String(error)}); expected the file written by \`exemplar check --json-out ${report}\``);
  }
  return parseCheckReport(text, report);
}

function usage(message: string): ExemplarError {
  return new ExemplarError("EXEMPLAR_USAGE", message);
}
