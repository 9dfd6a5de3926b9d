import { existsSync } from "node:fs";
import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { checkProject } from "../../checkProject.ts";
import { loadConfig } from "../../config/loadConfig.ts";
import { ExemplarError } from "../../errors/ExemplarError.ts";
import { reportPretty } from "../../report/reportPretty.ts";
import { reporters, type ReporterName } from "../../report/reporters.ts";
import { formatSummary, summarize } from "../../report/summarize.ts";
import type { Command, CommandIo } from "../Command.ts";
import { parseFlags, positiveInteger } from "../parseFlags.ts";
import { createProgress } from "../createProgress.ts";

const help = `Usage: exemplar check [options]

Finds every @example function, runs it and checks what it printed.

Options:
  --examples GLOB     example files to search (repeatable; default from exemplar.config.ts)
  --docs DIR          the Markdown docs folder whose keyed blocks are checked too
                      (default from the config, or docs/; skipped with --filter)
  --filter KEYGLOB    only run examples whose key matches, e.g. 'registry.*'
  --jobs N            at most N worker processes (default: number of cores)
  --timeout MS        milliseconds per example unless it sets @timeout (default 5000)
  --reporter NAME     pretty | json | github | junit (default pretty)
  --out FILE          write the report to FILE and print only the summary
  --json-out FILE     also write the JSON report to FILE, whatever --reporter prints
                      (CI: --reporter github for annotations, JSON for a summary comment)
  --update            rewrite failing @expect blocks with the actual output
  --typecheck         type-check the example files too
  --config FILE       config file (default ./exemplar.config.ts, optional)
  --verbose           list passing and skipped examples, and where the docs show each
  -h, --help          show this help

Exit codes: 0 all passed, 1 some example failed, 2 usage or configuration error.
`;

/** `exemplar check`: find, run and check the examples, then report. */
export const checkCommand: Command = {
  name: "check",
  help,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseFlags("check", argv, {
      examples: { type: "string", multiple: true },
      docs: { type: "string" },
      filter: { type: "string" },
      jobs: { type: "string" },
      timeout: { type: "string" },
      reporter: { type: "string" },
      out: { type: "string" },
      "json-out": { type: "string" },
      update: { type: "boolean" },
      typecheck: { type: "boolean" },
      config: { type: "string" },
      verbose: { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.stdout(help);
      return 0;
    }
    if (positionals.length > 0) {
      throw new ExemplarError("EXEMPLAR_USAGE", `exemplar check: unexpected argument \`${positionals[0]}\`; pass files with --examples GLOB`);
    }
    const reporterName = (values.reporter ?? "pretty") as ReporterName;
    if (!(reporterName in reporters)) {
      throw new ExemplarError("EXEMPLAR_USAGE", `exemplar check: unknown reporter \`${values.reporter}\`; expected one of ${Object.keys(reporters).join(", ")}`);
    }
    const config = await loadConfig(io.cwd, values.config);
    if (values.examples) config.examples = values.examples;
    if (values.docs) config.docs = path.resolve(io.cwd, values.docs);
    config.jobs = positiveInteger("check", "jobs", values.jobs) ?? config.jobs;
    config.timeout = positiveInteger("check", "timeout", values.timeout) ?? config.timeout;

    const progress = createProgress(io);
    const report = await checkProject(config, {
      ...(values.filter === undefined ? {} : { filter: values.filter }),
      update: values.update ?? false,
      typecheck: values.typecheck ?? false,
      onResult: (_result, done, total) => progress.update(done, total),
    });
    progress.done();
    // the docs are checked against this run; a filtered run has no output for the other blocks
    if (values.filter === undefined && report.problems.length === 0) {
      if (values.docs && !existsSync(config.docs)) {
        throw new ExemplarError("EXEMPLAR_DOCS_NOT_FOUND", `exemplar check: docs folder not found: ${config.docs} (from --docs)`);
      }
      // loaded here: the Markdown parser is only needed when there are docs to check
      const { checkDocs } = await import("../../splice/checkDocs.ts");
      const docs = await checkDocs(config, report);
      if (docs) report.docs = docs;
    }
    const text = reporterName === "pretty"
      ? reportPretty(report, { root: config.root, verbose: values.verbose ?? false })
      : reporters[reporterName](report);
    const jsonOut = values["json-out"];
    if (jsonOut) {
      const file = path.resolve(io.cwd, jsonOut);
      await mkdir(path.dirname(file), { recursive: true });
      await writeFile(file, reporters.json(report));
    }
    if (values.out) {
      const out = path.resolve(io.cwd, values.out);
      // a report path in a folder of its own (`reports/junit.xml`) is the common case in CI
      await mkdir(path.dirname(out), { recursive: true });
      await writeFile(out, text);
      io.stdout(report.problems.length > 0 ? `Found ${report.problems.length} problems in the example files; see ${values.out}\n` : `${formatSummary(summarize(report))}\n`);
    } else {
      io.stdout(text);
    }
    if (report.problems.length > 0) return 2;
    const failed = report.typeErrors.length > 0 || (report.docs?.errors.length ?? 0) > 0 || report.verdicts.some((verdict) => verdict.status === "failed");
    return failed ? 1 : 0;
  },
};
