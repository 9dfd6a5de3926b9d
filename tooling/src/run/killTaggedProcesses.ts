import { readdirSync, readFileSync } from "node:fs";

// a process that vanished between the listing and the read (ENOENT, or ESRCH from a process
// that is exiting), or that is someone else's (EACCES, EPERM)
const gone = new Set(["ENOENT", "ESRCH", "EACCES", "EPERM"]);
// enough for the descendants a tagged process forks while one pass kills its ancestors
const maxPasses = 10;

/**
 * Sends SIGKILL to every process whose environment has `variable=token` for one of `tokens`,
 * but the calling process itself, and returns their pids. It reaches what a process group
 * cannot: processes an example spawned `detached` (a group, even a session, of their own) and
 * ones reparented to init after their worker died, since every process inherits the token its
 * worker was started with. Synchronous, so it can run in an exit handler.
 *
 * Reads `/proc/<pid>/environ` (NUL-separated `KEY=VALUE`; the environment the process was
 * started with, so a process that removed the variable after exec is still found; one started
 * with an environment that leaves it out, as by `env -i` or `spawn(..., { env: {} })`, is not).
 * A process that vanishes during the scan, or that is another user's, is skipped. Without `/proc`
 * (macOS, Windows) it does nothing and returns `[]`. Scans again while a pass found a tagged
 * process not seen before, to catch children forked while their parents were being killed
 * (at most 10 passes). A pid that is freed and reused between its read and its kill would be
 * killed in its new owner's place; /proc gives no way to pin a process, and the window is
 * microseconds.
 *
 * One pass reads every process's environment, some 13 µs a process: 1.5 ms for the 76 processes
 * of a 2-CPU Linux container, 7.5 ms with 500 more (Node 20, Linux 6.18). A second pass, made
 * only when the first one killed, costs as much again.
 */
export function killTaggedProcesses(tokens: ReadonlySet<string> | readonly string[], variable = "EXEMPLAR_WORKER_TOKEN"): number[] {
  if (variable === "" || /[=\0]/.test(variable)) {
    throw new Error(`killTaggedProcesses: the variable \`${variable}\` is no environment variable name; expected a non-empty name without "=" or NUL`);
  }
  const entries: Buffer[] = [];
  for (const token of tokens) {
    if (token === "" || token.includes("\0")) throw new Error(`killTaggedProcesses: the token \`${token}\` for ${variable} cannot tag a process; expected a non-empty token without NUL`);
    entries.push(Buffer.from(`${variable}=${token}`));
  }
  if (entries.length === 0) return [];
  const killed = new Set<number>();
  for (let pass = 0; pass < maxPasses; pass++) {
    const tagged = taggedPids(entries);
    // a process killed in an earlier pass may still be dying: kill it again, but it is not new
    const fresh = tagged.filter((pid) => !killed.has(pid));
    for (const pid of tagged) if (kill(pid)) killed.add(pid);
    if (fresh.length === 0) break;
  }
  return [...killed];
}

function taggedPids(entries: readonly Buffer[]): number[] {
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw new Error(`killTaggedProcesses: could not list /proc: ${(error as Error).message}`, { cause: error });
  }
  const tagged: number[] = [];
  for (const name of names) {
    // the other entries of /proc (self, sys, meminfo...) are not processes
    const code = name.charCodeAt(0);
    if (code < 48 || code > 57) continue;
    const pid = Number(name);
    if (pid === process.pid) continue;
    const environ = readEnviron(pid);
    if (environ && entries.some((entry) => hasEntry(environ, entry))) tagged.push(pid);
  }
  return tagged;
}

function readEnviron(pid: number): Buffer | undefined {
  try {
    return readFileSync(`/proc/${pid}/environ`);
  } catch (error) {
    if (gone.has((error as NodeJS.ErrnoException).code ?? "")) return undefined;
    throw new Error(`killTaggedProcesses: could not read /proc/${pid}/environ: ${(error as Error).message}`, { cause: error });
  }
}

/** whether `entry` is one whole NUL-separated entry of `environ` (not a part of a longer one) */
function hasEntry(environ: Buffer, entry: Buffer): boolean {
  for (let at = environ.indexOf(entry); at !== -1; at = environ.indexOf(entry, at + 1)) {
    const end = at + entry.length;
    if ((at === 0 || environ[at - 1] === 0) && (end === environ.length || environ[end] === 0)) return true;
  }
  return false;
}

/** true once the signal was sent; false for a process already gone or not ours to kill */
function kill(pid: number): boolean {
  try {
    process.kill(pid, "SIGKILL");
    return true;
  } catch (error) {
    if (gone.has((error as NodeJS.ErrnoException).code ?? "")) return false;
    throw new Error(`killTaggedProcesses: could not kill the tagged process ${pid}: ${(error as Error).message}`, { cause: error });
  }
}
