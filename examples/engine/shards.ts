import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { openProject, resolveConfig, shardExamples } from "@exemplar/tooling";

/**
 * How `exemplar check --shard i/3` deals a project's files out: whole files, the longest first,
 * each to the shard with the least time so far. Here the durations of an earlier run (as
 * `--durations` reads them from its report) make `slow.ts` a shard of its own.
 * @example engine.shards
 * @timeout 20000
 * @expect
 * shard 1/3: slow.one
 * shard 2/3: a.one, a.two, c.one
 * shard 3/3: b.one, b.two, d.one
 */
export async function shards() {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-shards-"));
  mkdirSync(path.join(root, "examples"));
  const files = { a: ["one", "two"], b: ["one", "two"], c: ["one"], d: ["one"], slow: ["one"] };
  for (const [file, names] of Object.entries(files)) {
    const text = names.map((name) => `/**\n * @example ${file}.${name}\n * @expect\n * ${name}\n */\nexport function ${name}() { console.log("${name}"); }\n`);
    writeFileSync(path.join(root, "examples", `${file}.ts`), text.join("\n"));
  }
  const project = await openProject(resolveConfig({ examples: ["examples/*.ts"] }, root));
  const durations = new Map([["slow.one", 4000]]);
  for (const index of [1, 2, 3]) {
    const keys = shardExamples(project.examples, { index, count: 3 }, durations).map((example) => example.key);
    console.log(`shard ${index}/3: ${keys.join(", ")}`);
  }
  rmSync(root, { recursive: true, force: true }); // hide
}
