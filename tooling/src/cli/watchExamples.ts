import { watch } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { ResolvedConfig } from "../config/loadConfig.ts";
import { relativeTo } from "../files/relativeTo.ts";
import { affectedExamples } from "../project/affectedExamples.ts";
import { openProject } from "../project/openProject.ts";
import { formatProblem } from "../records/Problem.ts";
import { checkReport } from "../report/checkReport.ts";
import { reportPretty } from "../report/reportPretty.ts";
import { runExamples } from "../run/runExamples.ts";
import { coalesceRuns } from "../vitepress/coalesceRuns.ts";
import type { CommandIo } from "./Command.ts";
import { interruptOnSignal } from "./interruptOnSignal.ts";

/** folders whose files are never inputs of an example */
const ignored = /(^|\/)(node_modules|\.git|\.exemplar-cache|\.bench)(\/|$)/;

/**
 * `exemplar check --watch`, after its first run: watches the project's folder and, on each save,
 * runs the examples it affects (their file, or a local file they import: `affectedExamples`),
 * one run at a time; saves made during a run make one run right after it, and a write of the text
 * the last run saw runs nothing. Each run prints its failures and a line saying what it ran.
 * Ends on Ctrl-C (or SIGTERM) with 0, once the run going on has stopped.
 */
export async function watchExamples(config: ResolvedConfig, io: CommandIo, { verbose = false } = {}): Promise<number> {
  const interrupt = interruptOnSignal();
  const seen = new Map<string, string | undefined>();
  const rerun = coalesceRuns(async (files: string[]) => {
    const texts = await Promise.all(files.map((file) => readFile(file, "utf8").catch(() => undefined)));
    const saved = files.filter((file, index) => seen.get(file) !== texts[index] || !seen.has(file));
    files.forEach((file, index) => seen.set(file, texts[index]));
    if (saved.length === 0 || interrupt.signal) return;
    const names = saved.map((file) => relativeTo(config.root, file)).join(", ");
    const started = performance.now();
    const project = await openProject(config, { pages: false });
    if (project.problems.length > 0) {
      io.stdout(`${project.problems.map(formatProblem).join("\n")}\nexemplar: ${names} changed: the example files have problems, so nothing ran; watching\n`);
      return;
    }
    const affected = affectedExamples(config, project, new Set(saved));
    if (affected.length === 0) {
      io.stdout(`exemplar: ${names} changed: no example uses it; watching\n`);
      return;
    }
    const run = await runExamples(project, { keys: affected.map((example) => example.key) }, { signal: interrupt.abort });
    if (interrupt.signal) return;
    const ms = Math.round(performance.now() - started);
    io.stdout(reportPretty(checkReport(project, run, { durationMs: ms }), { root: config.root, verbose }));
    io.stdout(`exemplar: ${names} changed: ran ${affected.length} example${affected.length === 1 ? "" : "s"} in ${ms} ms; watching\n`);
  });
  // the run of the latest save, which Ctrl-C waits for
  let latest: Promise<unknown> = Promise.resolve();
  const watcher = watch(config.root, { recursive: true }, (_event, name) => {
    if (!name || ignored.test(name.split(path.sep).join("/"))) return;
    latest = rerun(path.join(config.root, name)).catch((error: Error) => io.stderr(`exemplar: ${error.message}\n`));
  });
  io.stderr("exemplar: watching for changes (Ctrl-C to stop)\n");
  await new Promise((resolve) => interrupt.abort.addEventListener("abort", resolve, { once: true }));
  watcher.close();
  // the run going on was aborted with the signal: wait for its workers to be gone
  await latest;
  interrupt.remove();
  return 0;
}
