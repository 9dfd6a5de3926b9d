import { execFile } from "node:child_process";
import { promisify } from "node:util";

const git = promisify(execFile);

import type { Revision } from "../records/Revision.ts";

export type { Revision };

/**
 * Reads the commit checked out in the git repository that holds `root`, its date and whether
 * the working tree has changes. The date is the commit's, not the clock's, so that building a
 * commit twice says the same; the whole working tree counts, since an example may import any
 * file of the repository. Undefined when `root` is in no git repository, HEAD has no commit yet,
 * or git is not installed.
 */
export async function readRevision(root: string): Promise<Revision | undefined> {
  const run = (...args: string[]) => git("git", args, { cwd: root, encoding: "utf8", timeout: 10_000, maxBuffer: 64 * 1024 * 1024 });
  try {
    // --no-optional-locks: reading the status must not take the index lock from a writer's git
    const [head, status] = await Promise.all([run("log", "-1", "--format=%H%n%cI"), run("--no-optional-locks", "status", "--porcelain", "--untracked-files=normal")]);
    const [commit = "", date = ""] = head.stdout.trim().split("\n");
    if (!/^[0-9a-f]{40,64}$/.test(commit)) return undefined;
    return { commit, date, localChanges: status.stdout.trim() !== "" };
  } catch {
    return undefined;
  }
}
