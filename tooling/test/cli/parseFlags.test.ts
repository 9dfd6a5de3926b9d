import { describe, expect, test } from "vitest";
import { commands } from "../../src/cli/main.ts";
import { runCli } from "../support/captureIo.ts";
import { corpus } from "../support/corpus.ts";

// every subcommand parses its flags with parseFlags: a flag that is not its own is refused before
// anything runs or is sent (exit 2, nothing on stdout), with the closest of its own flags if one is close
const rows = [
  // a typo of one of its flags
  { argv: ["check", "--reportr", "json"], stderr: "exemplar check: Unknown option '--reportr'; did you mean --reporter? (see `exemplar check --help`)\n" },
  // splice's flag is not check's
  { argv: ["check", "--write"], stderr: "exemplar check: Unknown option '--write' (see `exemplar check --help`)\n" },
  { argv: ["list", "--jsn"], stderr: "exemplar list: Unknown option '--jsn'; did you mean --json? (see `exemplar list --help`)\n" },
  // splice's flag is not list's
  { argv: ["list", "--write"], stderr: "exemplar list: Unknown option '--write' (see `exemplar list --help`)\n" },
  { argv: ["splice", "--wirte"], stderr: "exemplar splice: Unknown option '--wirte'; did you mean --write? (see `exemplar splice --help`)\n" },
  // list's and publish's flag is not splice's
  { argv: ["splice", "--json"], stderr: "exemplar splice: Unknown option '--json' (see `exemplar splice --help`)\n" },
  { argv: ["publish", "--dir", "dist", "--bukcet", "site"], stderr: "exemplar publish: Unknown option '--bukcet'; did you mean --bucket? (see `exemplar publish --help`)\n" },
  // pr-comment's flag is not publish's
  { argv: ["publish", "--repo", "octo/docs"], stderr: "exemplar publish: Unknown option '--repo' (see `exemplar publish --help`)\n" },
  { argv: ["unpublish", "--bucket", "site", "--prefx", "pr-1"], stderr: "exemplar unpublish: Unknown option '--prefx'; did you mean --prefix? (see `exemplar unpublish --help`)\n" },
  // publish's flag is not unpublish's: there is no folder to delete from
  { argv: ["unpublish", "--dir", "dist"], stderr: "exemplar unpublish: Unknown option '--dir' (see `exemplar unpublish --help`)\n" },
  { argv: ["pr-comment", "--reportt", "check.json"], stderr: "exemplar pr-comment: Unknown option '--reportt'; did you mean --report? (see `exemplar pr-comment --help`)\n" },
  // the bucket flags are publish's, not pr-comment's
  { argv: ["pr-comment", "--bucket", "site"], stderr: "exemplar pr-comment: Unknown option '--bucket' (see `exemplar pr-comment --help`)\n" },
  { argv: ["merge-reports", "--json-ot", "merged.json"], stderr: "exemplar merge-reports: Unknown option '--json-ot'; did you mean --json-out? (see `exemplar merge-reports --help`)\n" },
  { argv: ["init", "--readmee"], stderr: "exemplar init: Unknown option '--readmee'; did you mean --readme? (see `exemplar init --help`)\n" },
  // check's flag is not init's: init runs nothing
  { argv: ["init", "--strict"], stderr: "exemplar init: Unknown option '--strict' (see `exemplar init --help`)\n" },
  // a short flag no command has
  { argv: ["check", "-x"], stderr: "exemplar check: Unknown option '-x' (see `exemplar check --help`)\n" },
];

describe("parseFlags, through every subcommand", () => {
  test.each(rows)("$argv exits 2 with one line", async ({ argv, stderr }) => {
    // an empty environment: no token, no AWS credentials, so nothing could be sent anyway
    expect(await runCli(argv, corpus("cli"))).toEqual({ code: 2, stdout: "", stderr });
  });

  test("every subcommand has rows above", () => {
    expect(new Set(rows.map(({ argv }) => argv[0]))).toEqual(new Set(commands.map(({ name }) => name)));
  });
});
