import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { ExemplarError } from "../errors/ExemplarError.ts";

const git = promisify(execFile);

/** The files that differ from a commit, and which commit that was. */
export interface ChangedFiles {
  /** the commit compared with, as given or found (`merge-base of HEAD and origin/main`) */
  since: string;
  /** absolute paths: changed, added, deleted or renamed since it, committed or not, and files git does not ignore that it does not track */
  files: Set<string>;
}

/**
 * What changed in the working tree of the git repository that holds `root` since `ref`, or,
 * without one, since the merge base of HEAD and the default branch (origin's HEAD, else `main`,
 * else `master`). An error that says what to pass when git cannot answer.
 */
export async function changedFiles(root: string, ref?: string): Promise<ChangedFiles> {
  const run = async (...args: string[]) => (await git("git", args, { cwd: root, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 })).stdout.trim();
  let top: string;
  try {
    top = await run("rev-parse", "--show-toplevel");
  } catch {
    throw new ExemplarError("EXEMPLAR_USAGE", `exemplar check: --changed needs a git repository; ${root} is in none`);
  }
  let since = ref;
  if (since === undefined) {
    const base = await defaultBranch(run);
    try {
      since = await run("merge-base", "HEAD", base);
    } catch {
      throw new ExemplarError("EXEMPLAR_USAGE", `exemplar check: --changed found no common ancestor of HEAD and ${base}; name the commit to compare with: --changed REF`);
    }
  } else {
    try {
      await run("rev-parse", "--verify", "--quiet", `${since}^{commit}`);
    } catch {
      throw new ExemplarError("EXEMPLAR_USAGE", `exemplar check: --changed ${since}: no such commit, branch or tag`);
    }
  }
  const [diff, untracked] = await Promise.all([run("diff", "--name-only", "--no-renames", since), run("ls-files", "--others", "--exclude-standard", "--full-name")]);
  const files = new Set([...diff.split("\n"), ...untracked.split("\n")].filter(Boolean).map((file) => path.join(top, file)));
  return { since, files };
}

async function defaultBranch(run: (...args: string[]) => Promise<string>): Promise<string> {
  try {
    return await run("symbolic-ref", "--quiet", "--short", "refs/remotes/origin/HEAD");
  } catch {
    for (const name of ["main", "master"]) {
      try {
        await run("rev-parse", "--verify", "--quiet", name);
        return name;
      } catch {
        // the next one
      }
    }
    throw new ExemplarError("EXEMPLAR_USAGE", "exemplar check: --changed found no default branch (origin/HEAD, main or master); name the commit to compare with: --changed REF");
  }
}
