import { appendFileSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { Run } from "../../src/records/Run.ts";
import type { RunResult } from "../../src/records/RunResult.ts";
import type { Verdict } from "../../src/records/Verdict.ts";
import type { runExamples } from "../../src/run/runExamples.ts";
import { selectExamples } from "../../src/run/selectExamples.ts";
import type { ActiveSetup } from "../../src/setup/runSetup.ts";

/** An example file's text: one `@example` per key, each printing `<key> ran`. */
export const exampleFile = (...keys: string[]) =>
  keys.map((key) => `/**\n * @example ${key}\n * @expectContains ran\n */\nexport function ${key.replace(/\W/g, "_")}() {\n  console.log("${key} ran");\n}\n`).join("\n");

/**
 * Saves an example file with a change that re-runs all its examples and moves none of its lines:
 * a top-level statement appended (see changedExamples). A save of the same text runs nothing.
 */
export function saveChanged(file: string) {
  appendFileSync(file, `void "saved";\n`);
}

/**
 * A project in a temp folder: `files` (path to text) written under it, for a site whose runs
 * and setup are fakes. Its config: `examples/*.ts`, pages in `docs/`, a setup module path that
 * only `fakeSetup` reads.
 */
export function exampleProject(files: Record<string, string>) {
  const root = mkdtempSync(path.join(tmpdir(), "exemplar-fake-site-"));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return { root, config: { examples: ["examples/*.ts"], docs: "docs", setup: "setup.ts", jobs: 1 } };
}

/**
 * A `runExamples` that selects the examples for real but runs none: each passes, printing
 * `<key> ran <n>` in run n. `log` gets `run <files>` as a run starts and `done <files>` as it
 * ends (the files of the examples it runs, relative, comma-separated; `*` for all); while `held` is set, runs wait for it.
 * The examples `told` names (key to stdout) are told to `onResult` with that output before a run waits.
 */
export function fakeRuns() {
  const log: string[] = [];
  let runs = 0;
  let release: (() => void) | undefined;
  const state = {
    log,
    held: undefined as Promise<void> | undefined,
    told: new Map<string, string>(),
    /** makes runs wait until `release()` */
    hold() {
      state.held = new Promise((resolve) => (release = resolve));
    },
    release() {
      state.held = undefined;
      release?.();
    },
    run: (async (project, selection = {}, options = {}) => {
      const examples = selectExamples(project, selection);
      if (project.problems.length > 0) return { examples, verdicts: [], ran: false, durationMs: 0 } satisfies Run;
      const files = selection.files || selection.keys ? [...new Set(examples.map((example) => example.file))].join(",") : "*";
      const run = ++runs;
      log.push(`run ${files}`);
      const told = examples.filter((example) => state.told.has(example.key));
      told.forEach((example, index) => options.onResult?.(result(example.key, state.told.get(example.key)!), index + 1, examples.length));
      await state.held;
      log.push(`done ${files}`);
      const verdicts = examples.map((example): Verdict => ({ example, status: "passed", failures: [], warnings: [], result: result(example.key, `${example.key} ran ${run}\n`) }));
      return { examples, verdicts, ran: true, durationMs: 1 } satisfies Run;
    }) as typeof runExamples,
  };
  return state;
}

/**
 * A `runSetup` whose setup can reset; `log` gets `setup`, `reset` and `teardown`. Its teardown
 * takes `teardownMs` first, as a registry's does, so that a caller that does not wait for it
 * is caught.
 */
export function fakeSetup(teardownMs = 50) {
  const log: string[] = [];
  return {
    log,
    runSetup: async (): Promise<ActiveSetup> => {
      log.push("setup");
      return {
        env: {},
        reset: async () => void log.push("reset"),
        teardown: async () => {
          await new Promise((resolve) => setTimeout(resolve, teardownMs));
          log.push("teardown");
        },
      };
    },
  };
}

/** a run result of an example that returned after printing `stdout` */
function result(key: string, stdout: string): RunResult {
  return { key, status: "returned", stdout, stderr: "", durationMs: 1, unhandledRejections: [], uncaughtExceptions: [], lateOutput: [] };
}
