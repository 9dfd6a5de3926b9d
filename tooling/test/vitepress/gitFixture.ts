import { execFileSync } from "node:child_process";

/** the committer and date every fixture commit has, so that its mark is known in advance */
export const commitDate = "2024-05-06T07:08:09+02:00";

/** Runs git in `dir` as a fixed author at a fixed date; returns its output, trimmed. */
export function git(dir: string, ...args: string[]): string {
  const env = { ...process.env, GIT_AUTHOR_NAME: "Fixture", GIT_AUTHOR_EMAIL: "fixture@example.com", GIT_COMMITTER_NAME: "Fixture", GIT_COMMITTER_EMAIL: "fixture@example.com", GIT_AUTHOR_DATE: commitDate, GIT_COMMITTER_DATE: commitDate };
  return execFileSync("git", args, { cwd: dir, env, encoding: "utf8" }).trim();
}

/** Makes `dir` a git repository whose one commit holds everything in it; returns the commit. */
export function commitAll(dir: string, remote?: string): string {
  git(dir, "init", "--quiet");
  if (remote) git(dir, "remote", "add", "origin", remote);
  git(dir, "add", "--all");
  git(dir, "commit", "--quiet", "--no-gpg-sign", "-m", "fixture");
  return git(dir, "rev-parse", "HEAD");
}
