import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { expect, test } from "vitest";
import { typescriptLoader } from "../../src/fast/bundlePaths.ts";

// in a process of its own: a snapshot puts a proxy in place of process.env
const probe = fileURLToPath(new URL("./fixtures/snapshot/probe.ts", import.meta.url));
const seen = (change: string) => JSON.parse(execFileSync(process.execPath, ["--import", typescriptLoader, probe, change], { encoding: "utf8" })) as { all: string[]; withoutAdded: string[]; afterRebase: string[] };

test.each([
  ["nothing", []],
  // Node's lazy globals turn into values when first used: their use changes nothing
  ["lazy globals", []],
  ["console.log", ["console.log"]],
  ["Array.prototype.map", ["Array.prototype.map"]],
  ["Math.random", ["Math.random"]],
  ["fetch mock", ["globalThis.fetch"]],
  ["fetch mock after a use", ["globalThis.fetch"]],
  ["a lazy global's prototype", ["TextEncoder.prototype.encode"]],
  ["env write", ["process.env.EXEMPLAR_PROBE"]],
  ["env delete", ["process.env.PATH"]],
  ["chdir", ["process.cwd() (now /)"]],
  ["added global", ["globalThis.probeGlobal"]],
  ["Object.prototype key", ["Object.prototype.probeKey"]],
  ["exit listener", ['a listener of process.on("exit")']],
  ["stdout.write", ["process.stdout.write"]],
])("a snapshot names what %s changed, and forgets it once rebased", (change, expected) => {
  const { all, afterRebase } = seen(change);
  expect(all).toEqual(expected);
  expect(afterRebase).toEqual([]);
}, 30_000);

test("a global added to globalThis can be left out (what a library adds as it loads)", () => {
  expect(seen("added global").withoutAdded).toEqual([]);
  expect(seen("console.log").withoutAdded).toEqual(["console.log"]);
}, 30_000);
