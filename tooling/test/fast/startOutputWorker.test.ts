import { expect, test } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { startOutputWorker } from "../../src/fast/startOutputWorker.ts";
import { closeWorkers } from "../../src/fast/startWorkers.ts";
import { exampleFile } from "../vitepress/fakeRuns.ts";

const config = resolveConfig({}, "/project");
const sources = [{ file: "examples/a.ts", text: exampleFile("a.one") }, { file: "examples/b.ts", text: exampleFile("b.one") }];
const page = (text: string) => ({ path: "/project/docs/p.md", file: "docs/p.md", text });

test("starts nothing when no page shows an output", () => {
  expect(startOutputWorker({ config, sources, pages: [page("```ts example=a.one\n```\n")] })).toBeUndefined();
  expect(startOutputWorker({ config, sources })).toBeUndefined();
});

test("starts one worker importing the files of the examples the output blocks name", async () => {
  const started = startOutputWorker({ config, sources, pages: [page("```text example-output=b.one\n```\n")] });
  try {
    expect(started!.workers).toHaveLength(1);
    expect([...started!.assignment]).toEqual([["examples/b.ts", 0]]);
  } finally {
    await closeWorkers(started);
  }
});
