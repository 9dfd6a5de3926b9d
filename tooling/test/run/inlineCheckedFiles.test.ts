import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { startWorkers } from "../../src/fast/startWorkers.ts";
import { openProject } from "../../src/project/openProject.ts";
import type { Run } from "../../src/records/Run.ts";
import { runExamples } from "../../src/run/runExamples.ts";
import { corpus } from "../support/corpus.ts";

const root = corpus("inline-results");
const cache = mkdtempSync(path.join(tmpdir(), "exemplar-inline-cache-"));

/** each example's status and failure messages */
const verdictsOf = (run: Run) => Object.fromEntries(run.verdicts.map((verdict) => [verdict.example.key, [verdict.status, ...verdict.failures.map((failure) => failure.message)]]));

const expected = {
  "inline.pass": ["passed"],
  "inline.wrong": ["failed", "examples/values.ts:27: `[1, 2].map(double);` is [ 2, 4 ], expected [2, 5] (compared by deep equality)"],
  "inline.never": ["failed", "examples/values.ts:38: `double(1);` never ran while the example ran, so `//=> 2` was not checked"],
  "inline.bad-values": [
    "failed",
    "examples/values.ts:48: the expected value `hello` threw ReferenceError: hello is not defined when read as JavaScript; write a value JavaScript can read (a string in quotes: 'text'), or text that is not an expression",
    "examples/values.ts:49: `load(\"b\");` is Promise { { id: 'b', saved: 1970-01-01T00:00:00.000Z } }, expected { id: 'b' } (compared by deep equality); it is a promise: write `await` in the statement to check what it resolves to",
  ],
  "inline.stack": ["passed"],
  "inline.huge": ["failed", expect.stringMatching(/^examples\/values\.ts:67: `Object\.fromEntries\(.*` is \{ key0: 0, key1: 1, .*… \(\d+ characters in all\), expected \{\} \(compared by deep equality\)$/)],
  "colors.inline": ["failed", "examples/colors.ts:12: `console.log(Color.Red.length);` logged 3, expected 4 (compared by deep equality)"],
  "colors.stack": ["passed"],
};

describe.each([
  // the CLI's way: workers started ahead get the JavaScript blanked in the CLI (values.ts) or
  // the TypeScript their loader compiles (colors.ts, an enum), instrumented
  ["with workers started ahead", true],
  // the docs site's way: the workers the run starts get both files' TypeScript, instrumented
  ["without", false],
])("//=> checks run end to end, %s", (_name, ahead) => {
  let run: Run;

  beforeAll(async () => {
    process.env.EXEMPLAR_CACHE_DIR = cache;
    const project = await openProject(resolveConfig({ examples: ["examples/*.ts"], jobs: 2 }, root), { pages: false });
    run = await runExamples(project, {}, ahead ? { workers: startWorkers(root, 2, project.sources) } : {});
  });
  afterAll(() => {
    delete process.env.EXEMPLAR_CACHE_DIR;
  });

  it("passes the true checks and fails the others with the line, the expected and the actual value", () => {
    expect(verdictsOf(run)).toEqual(expected);
  });

  it("keeps every line where it was, so a stack names the source line", () => {
    const stackOf = (key: string) => run.verdicts.find((verdict) => verdict.example.key === key)!.result.error!.stack!;
    expect(stackOf("inline.stack")).toMatch(/examples\/values\.ts:59:\d+/);
    expect(stackOf("colors.stack")).toMatch(/examples\/colors\.ts:22:\d+/);
  });

  it("keeps a huge value's text to a few kilobytes", () => {
    const huge = run.verdicts.find((verdict) => verdict.example.key === "inline.huge")!;
    expect(JSON.stringify(huge.result.inline).length).toBeLessThan(5000);
  });
});

afterAll(() => rmSync(cache, { recursive: true, force: true }));
