import type { ResolvedConfig } from "../config/loadConfig.ts";
import { relativeTo } from "../files/relativeTo.ts";
import { affectedExamples } from "../project/affectedExamples.ts";
import { openProject } from "../project/openProject.ts";
import { formatProblem } from "../records/Problem.ts";
import { checkReport } from "../report/checkReport.ts";
import { reportPretty } from "../report/reportPretty.ts";
import { runExamples } from "../run/runExamples.ts";
import type { CommandIo } from "./Command.ts";
import { watchSaves } from "./watchSaves.ts";

/**
 * `exemplar check --watch`, after its first run: on each save (`watchSaves`), runs the examples
 * it affects (their file, or a local file they import: `affectedExamples`). Each run prints its
 * failures and a line saying what it ran. Ends on Ctrl-C with 0.
 */
export function watchExamples(config: ResolvedConfig, io: CommandIo, { verbose = false } = {}): Promise<number> {
  return watchSaves(config.root, io, async (saved, signal) => {
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
    const run = await runExamples(project, { keys: affected.map((example) => example.key) }, { signal });
    if (signal.aborted) return;
    const ms = Math.round(performance.now() - started);
    io.stdout(reportPretty(checkReport(project, run, { durationMs: ms }), { root: config.root, verbose }));
    io.stdout(`exemplar: ${names} changed: ran ${affected.length} example${affected.length === 1 ? "" : "s"} in ${ms} ms; watching\n`);
  });
}
