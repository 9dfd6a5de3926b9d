import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { once } from "node:events";
import { afterEach, describe, expect, it } from "vitest";
import { killTaggedProcesses } from "../../src/run/killTaggedProcesses.ts";
import { alivePids } from "./alivePids.ts";

const variable = "EXEMPLAR_WORKER_TOKEN";
// every process this file started, to kill whatever a failed test left behind
const started: number[] = [];

/** a process detached from this one (a group and session of its own), with `env` added to ours */
async function start(command: string, args: string[], env: Record<string, string>): Promise<ChildProcess> {
  const child = spawn(command, args, { detached: true, stdio: ["ignore", "pipe", "ignore"], env: { ...process.env, ...env } });
  await once(child, "spawn");
  started.push(child.pid!);
  return child;
}

/** the pid a `sh -c "sleep 300 & echo $!; wait"` printed: its background child's */
async function grandchildOf(shell: ChildProcess): Promise<number> {
  let printed = "";
  shell.stdout!.setEncoding("utf8");
  for await (const chunk of shell.stdout!) {
    printed += chunk;
    if (printed.includes("\n")) break;
  }
  const pid = Number(printed.trim());
  started.push(pid);
  return pid;
}

afterEach(() => {
  for (const pid of started.splice(0)) {
    try {
      process.kill(pid, "SIGKILL");
    } catch {
      // gone already, as it should be
    }
  }
});

describe.skipIf(!existsSync("/proc/self/environ"))("on Linux", () => {
  it("kills the detached processes that carry the token, and their children, but no other", { timeout: 15_000 }, async () => {
    const token = randomBytes(16).toString("hex");
    const sleeper = await start("sleep", ["300"], { [variable]: token });
    const shell = await start("sh", ["-c", "sleep 300 & echo $!; wait"], { [variable]: token });
    const grandchild = await grandchildOf(shell);
    // no token, and a token of which ours is only the start
    const untagged = await start("sleep", ["300"], {});
    const otherToken = await start("sleep", ["300"], { [variable]: `${token}0` });
    const tagged = [sleeper.pid!, shell.pid!, grandchild];

    const killed = killTaggedProcesses([token]);

    expect(killed.sort((a, b) => a - b)).toEqual([...tagged].sort((a, b) => a - b));
    expect(await alivePids(tagged)).toEqual([]);
    expect(await alivePids([untagged.pid!, otherToken.pid!], 0)).toEqual([untagged.pid, otherToken.pid]);
  });

  it("reads the variable it is given, and takes a set of tokens", { timeout: 15_000 }, async () => {
    const [first, second] = [randomBytes(16).toString("hex"), randomBytes(16).toString("hex")];
    const children = [await start("sleep", ["300"], { OTHER_TOKEN: first }), await start("sleep", ["300"], { OTHER_TOKEN: second })];

    expect(killTaggedProcesses(new Set([first, second]), "OTHER_TOKEN").sort((a, b) => a - b)).toEqual(children.map((child) => child.pid!).sort((a, b) => a - b));
    expect(await alivePids(children.map((child) => child.pid!))).toEqual([]);
  });

  it("never kills the process that calls it, though it carries the token", { timeout: 15_000 }, () => {
    const token = randomBytes(16).toString("hex");
    const script = `import { killTaggedProcesses } from ${JSON.stringify(new URL("../../src/run/killTaggedProcesses.ts", import.meta.url).href)};
      console.log(JSON.stringify({ pid: process.pid, killed: killTaggedProcesses([process.env.${variable}]) }));`;
    // (tsx's esbuild service, a child of that process, carries the token too and may be killed)
    const child = spawnSync(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { encoding: "utf8", timeout: 10_000, env: { ...process.env, [variable]: token } });

    expect(child.signal, child.stderr).toBe(null);
    const { pid, killed } = JSON.parse(child.stdout) as { pid: number; killed: number[] };
    expect(killed).not.toContain(pid);
  });
});

it("does nothing for no tokens", () => {
  expect(killTaggedProcesses([])).toEqual([]);
  expect(killTaggedProcesses(new Set())).toEqual([]);
});

it.each([
  { variable: "", tokens: ["a"], error: /the variable `` is no environment variable name/ },
  { variable: "A=B", tokens: ["a"], error: /the variable `A=B` is no environment variable name; expected a non-empty name without "=" or NUL/ },
  { variable: variable, tokens: [""], error: /the token `` for EXEMPLAR_WORKER_TOKEN cannot tag a process/ },
])("refuses the variable `$variable` with the tokens $tokens", ({ variable, tokens, error }) => {
  expect(() => killTaggedProcesses(tokens, variable)).toThrow(error);
});
