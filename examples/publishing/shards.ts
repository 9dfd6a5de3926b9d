import { mergeReports, type JsonReport } from "@exemplar/tooling";

/**
 * The reports of two shards of one run (`exemplar check --shard i/2 --json-out ...`), merged into
 * the report the whole run would have written: examples in file order, the summary counted
 * again, the slowest shard's time. That merged report is what the pull request's comment reads.
 * @example publishing.merge-shards
 * @expect
 * 3 passed (1 cached), 1 failed in 2140 ms
 * examples/a.ts a.one passed
 * examples/a.ts a.two failed
 * examples/b.ts b.one passed
 * examples/c.ts c.one passed (cached)
 * shard 1: 2 examples in 2140 ms; shard 2: 2 examples in 1870 ms
 */
export function mergeShards() {
  const report = (durationMs: number, examples: JsonReport["examples"]): JsonReport => ({
    summary: { passed: 0, failed: 0, skipped: 0, durationMs }, problems: [], typeErrors: [], examples,
  });
  const example = (file: string, key: string, line: number, status: "passed" | "failed", cached = false) =>
    ({ key, file, line, status, failures: [], ...(cached ? { cached: true } : {}) });
  const merged = mergeReports([
    { name: "shard-1.json", report: report(2140, [example("examples/c.ts", "c.one", 3, "passed", true), example("examples/a.ts", "a.one", 3, "passed")]) },
    { name: "shard-2.json", report: report(1870, [example("examples/b.ts", "b.one", 3, "passed"), example("examples/a.ts", "a.two", 9, "failed")]) },
  ]);
  if (typeof merged === "string") throw new Error(merged);
  const { passed, failed, cached, durationMs } = merged.summary;
  console.log(`${passed} passed (${cached} cached), ${failed} failed in ${durationMs} ms`);
  for (const { file, key, status, cached } of merged.examples) console.log(`${file} ${key} ${status}${cached ? " (cached)" : ""}`);
  const shards = merged["shards"] as Array<{ examples: number; durationMs: number }>;
  console.log(shards.map((shard, index) => `shard ${index + 1}: ${shard.examples} examples in ${shard.durationMs} ms`).join("; "));
}
