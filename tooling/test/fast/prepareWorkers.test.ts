import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveConfig } from "../../src/config/loadConfig.ts";
import { startWorkers } from "../../src/fast/startWorkers.ts";
import { openProject } from "../../src/project/openProject.ts";
import type { Run } from "../../src/records/Run.ts";
import { runExamples } from "../../src/run/runExamples.ts";
import { corpus } from "../support/corpus.ts";

describe("prepareWorkers: the workers run the JavaScript the CLI made from the files it parsed", () => {
  const folder = mkdtempSync(path.join(tmpdir(), "exemplar-compiled-ahead-"));
  const root = path.join(folder, "project");
  const cache = path.join(folder, "cache");
  let run: Run;
  let cached: string[];

  beforeAll(async () => {
    cpSync(corpus("compiled-ahead"), root, { recursive: true });
    process.env.EXEMPLAR_CACHE_DIR = cache;
    const config = resolveConfig({ examples: ["examples/*.ts"], jobs: 2 }, root);
    const project = await openProject(config, { pages: false });
    // changed after it was parsed: the run is of the text the examples were found in
    writeFileSync(path.join(root, "examples/plain.ts"), "export function greets() { console.log('changed'); }\nexport function throws() {}\n");
    run = await runExamples(project, {}, { workers: startWorkers(root, 2, project.sources) });
    // in the tests the worker's own modules are TypeScript too, compiled into the same cache
    const transform = path.join(cache, "transform");
    cached = readdirSync(transform).map((name) => readFileSync(path.join(transform, name), "utf8")).filter((text) => /typed world|"red"/.test(text));
  });
  afterAll(() => {
    delete process.env.EXEMPLAR_CACHE_DIR;
    rmSync(folder, { recursive: true, force: true });
  });

  it("passes every example, from the text parsed rather than the file as it is now", () => {
    expect(Object.fromEntries(run.verdicts.map((verdict) => [verdict.example.key, verdict.status]))).toEqual({
      "colors.enum": "passed",
      "plain.greets": "passed",
      "plain.throws": "passed",
    });
  });

  it("keeps every line where it was, so a stack names the TypeScript line without a source map", () => {
    expect(run.verdicts.find((verdict) => verdict.example.key === "plain.throws")!.result.error?.message).toBe("thrown on line 21");
  });

  it("compiles with esbuild only the file blanking cannot make (the enum)", () => {
    expect(cached).toEqual([expect.stringContaining('"red"')]);
  });
});
