import { readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { copyCorpus } from "../../support/corpus.ts";
import { lastLine, runCli } from "../../support/captureIo.ts";

const copies: Array<{ remove: () => void }> = [];
afterAll(() => copies.forEach((copy) => copy.remove()));

interface Report {
  summary: Record<string, number>;
  examples: Array<{ key: string; status: string; stdout: string; failures: unknown[] }>;
}
/** what a report says of each example, without what differs between runs: times, and the worker's pid two examples print */
const verdicts = (report: Report) => report.examples.map(({ key, status, stdout, failures }) => ({ key, status, stdout: stdout.replace(/^\d+\n$/, "<pid>\n"), failures: failures.length }));

describe("exemplar check --shard and exemplar merge-reports", () => {
  it("runs each example in exactly one of four shards, and the merged reports say what the whole run says", async () => {
    const copy = copyCorpus("cli");
    copies.push(copy);
    const whole = await runCli(["check", "--json-out", "whole.json"], copy.root);
    const shards = [];
    for (let index = 1; index <= 4; index++) shards.push(await runCli(["check", "--shard", `${index}/4`, "--json-out", `shard-${index}.json`], copy.root));
    const read = (name: string) => JSON.parse(readFileSync(path.join(copy.root, name), "utf8")) as Report;
    const keys = [1, 2, 3, 4].map((index) => read(`shard-${index}.json`).examples.map((example) => example.key));
    expect(keys.flat().sort()).toEqual(read("whole.json").examples.map((example) => example.key).sort());
    expect(shards.map((shard) => shard.stdout).join("")).not.toContain("Docs:");
    const merged = await runCli(["merge-reports", "shard-1.json", "shard-2.json", "shard-3.json", "shard-4.json", "--json-out", "merged.json"], copy.root);
    expect(merged.code).toBe(whole.code);
    expect(lastLine(merged.stdout)).toBe("Merged 4 reports: Examples: 5 passed, 2 failed, 1 skipped");
    expect(verdicts(read("merged.json"))).toEqual(verdicts(read("whole.json")));
    const { durationMs: _whole, ...wholeSummary } = read("whole.json").summary;
    const { durationMs: _merged, ...mergedSummary } = read("merged.json").summary;
    expect(mergedSummary).toEqual(wholeSummary);
  }, 180_000);

  it("refuses reports that share an example, naming both", async () => {
    const copy = copyCorpus("cli");
    copies.push(copy);
    await runCli(["check", "--shard", "1/2", "--json-out", "one.json"], copy.root);
    const merged = await runCli(["merge-reports", "one.json", "one.json"], copy.root);
    expect(merged.code).toBe(2);
    expect(merged.stderr).toMatch(/is in both one\.json and one\.json: merge the reports of the shards of one run/);
  }, 120_000);

  it("says what is wrong with a --shard it cannot read", async () => {
    const copy = copyCorpus("cli");
    copies.push(copy);
    const run = await runCli(["check", "--shard", "5/4"], copy.root);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain("--shard 5/4: the shard must be between 1 and the count");
  });
});
