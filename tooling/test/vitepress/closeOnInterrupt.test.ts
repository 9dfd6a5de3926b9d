import { spawn } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, expect, it } from "vitest";
import { exampleFile, exampleProject } from "./fakeRuns.ts";

const devServer = fileURLToPath(new URL("./fixtures/devServer.ts", import.meta.url));
const roots: string[] = [];
afterEach(() => {
  for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
});

// a dev server stopped from the terminal tears its setup down before the process ends: Ctrl-C
// (SIGINT) and a closed terminal (SIGHUP) through closeOnInterrupt, SIGTERM through Vite itself
it.each([
  ["SIGINT", { code: null, signal: "SIGINT" }],
  ["SIGHUP", { code: null, signal: "SIGHUP" }],
  ["SIGTERM", { code: 0, signal: null }],
] as const)("a dev server stopped with %s tears the setup down, then exits", async (signal, exit) => {
  const { root } = exampleProject({ "examples/a.ts": exampleFile("a.one") });
  roots.push(root);
  const log = path.join(root, "setup.log");
  const child = spawn(process.execPath, ["--import", "tsx", devServer, root, log], { stdio: ["ignore", "pipe", "inherit"] });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => child.on("exit", (code, signal) => resolve({ code, signal })));
  await new Promise<void>((resolve, reject) => {
    child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
    void exited.then((how) => reject(new Error(`the dev server exited before it was ready: ${JSON.stringify(how)}`)));
  });
  child.kill(signal);
  expect(await exited).toEqual(exit);
  expect(readFileSync(log, "utf8")).toBe("setup\nteardown\n");
}, 30_000);
