// The sharded matrix workflow publishing.md shows a large docs set: a workflow GitHub accepts
// (action-validator) whose shards together are the whole run, merged by exemplar merge-reports.
import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { ROOT, validate } from "./readWorkflow.ts";

const page = readFileSync(join(ROOT, "docs/guide/publishing.md"), "utf8");
const blocks = [...page.matchAll(/^```yaml\n([\s\S]*?)^```$/gm)].map(([, block]) => block!).filter((block) => block.includes("--shard "));

describe("the sharded workflow in docs/guide/publishing.md", () => {
  const jobs = blocks[0]!;

  test("is there, once", () => {
    expect(blocks).toHaveLength(1);
  });

  test("action-validator accepts it, as a workflow run on pull requests", async () => {
    const dir = await mkdtemp(join(tmpdir(), "exemplar-sharded-"));
    try {
      await writeFile(join(dir, "sharded.yml"), `name: examples\non:\n  pull_request:\n${jobs}`);
      expect(await validate(join(dir, "sharded.yml"))).toBe("");
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test("runs every shard of the matrix, with one durations file, and merges every shard's report", () => {
    const shards = /shard: \[([\d, ]+)\]/.exec(jobs)![1]!.split(", ").map(Number);
    const count = shards.length;
    expect(shards).toEqual(Array.from({ length: count }, (_, index) => index + 1));
    expect(jobs).toContain(`npx --no exemplar check --shard \${{ matrix.shard }}/${count} --durations durations.json --json-out reports/shard-\${{ matrix.shard }}.json`);
    const merged = /exemplar merge-reports ((?:reports\/shard-\d+\.json )+)--json-out/.exec(jobs)![1]!.trim().split(" ");
    expect(merged).toEqual(shards.map((shard) => `reports/shard-${shard}.json`));
    // a failing shard must not cancel the others, nor keep the merge from reporting it
    expect(jobs).toContain("fail-fast: false");
    expect(jobs).toMatch(/merge:\n {4}needs: examples\n {4}if: \$\{\{ !cancelled\(\) \}\}/);
    expect(jobs.match(/timeout-minutes: \d+/g)).toHaveLength(2);
  });
});
