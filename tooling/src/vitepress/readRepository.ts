import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { repositoryWebUrl } from "./repositoryWebUrl.ts";

const git = promisify(execFile);

/** Where a project sits in its git repository, for links to its files. */
export interface RepositoryPlace {
  /** the project root's folder inside the repository, `""` at its top or `docs-site/` */
  prefix: string;
  /** the web address of the repository, read from its `origin` remote (or its only remote) */
  webUrl?: string;
}

/**
 * Reads where `root` sits in its git repository and the web address of that repository's
 * remote. Undefined when `root` is in no git repository or git is not installed; no `webUrl`
 * when there is no remote, or its host is not one whose file pages are known.
 */
export async function readRepository(root: string): Promise<RepositoryPlace | undefined> {
  const run = async (...args: string[]) => (await git("git", args, { cwd: root, encoding: "utf8", timeout: 10_000 })).stdout.trim();
  let prefix: string;
  try {
    prefix = await run("rev-parse", "--show-prefix");
  } catch {
    return undefined;
  }
  const remotes = (await run("remote").catch(() => "")).split("\n").filter(Boolean);
  const remote = remotes.includes("origin") ? "origin" : remotes.length === 1 ? remotes[0] : undefined;
  const url = remote ? await run("remote", "get-url", remote).catch(() => "") : "";
  const webUrl = url ? repositoryWebUrl(url) : undefined;
  return webUrl ? { prefix, webUrl } : { prefix };
}
