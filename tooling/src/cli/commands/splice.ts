import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { loadConfig } from "../../config/loadConfig.ts";
import { ExemplarError } from "../../errors/ExemplarError.ts";
import { formatPlace } from "../../records/Example.ts";
import type { Problem } from "../../records/Problem.ts";
import { openWithOutputRun } from "../../fast/openWithOutputRun.ts";
import { splice } from "../../splice/splice.ts";
import { writeSplicedPages } from "../../splice/writeSplicedPages.ts";
import { standAloneOnPages } from "../../standalone/standAloneOnPages.ts";
import type { Command, CommandIo } from "../Command.ts";
import { parseFlags } from "../parseFlags.ts";

const help = `Usage: exemplar splice [--write | --check] [options]

Fills the docs' fenced blocks from the examples: \`example=KEY\` with the example's code,
\`example-output=KEY\` with what it printed in this run (the examples run only when a page
shows an output). Without --write or --check, lists the pages that would change.

Options:
  --write           update the Markdown pages in place (a page with an error is not written)
  --check           print a diff of stale pages and exit 1 when any page is stale
  --strict          untested ts/js snippets, examples no page shows, and shown snippets
                    that use a name they do not declare or import are errors
  --examples GLOB   example files to search (repeatable; default from exemplar.config.ts)
  --docs DIR        the Markdown docs folder (default from the config, or docs/)
  --config FILE     config file (default ./exemplar.config.ts, optional)
  --no-cache        run the examples a page shows the output of, even those whose inputs
                    are as they were when \`exemplar check\` last passed them
  -h, --help        show this help

Exit codes: 0 up to date (or written), 1 errors or stale pages with --check, 2 usage or configuration error.
`;

/** `exemplar splice`: keep the docs' code and output blocks equal to the examples. */
export const spliceCommand: Command = {
  name: "splice",
  help,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseFlags("splice", argv, {
      write: { type: "boolean" },
      check: { type: "boolean" },
      strict: { type: "boolean" },
      examples: { type: "string", multiple: true },
      docs: { type: "string" },
      config: { type: "string" },
      "no-cache": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.stdout(help);
      return 0;
    }
    if (positionals.length > 0) {
      throw new ExemplarError("EXEMPLAR_USAGE", `exemplar splice: unexpected argument \`${positionals[0]}\`; pass the docs folder with --docs DIR`);
    }
    if (values.write && values.check) {
      throw new ExemplarError("EXEMPLAR_USAGE", "exemplar splice: --write and --check cannot be used together: --write updates the pages, --check only reports stale ones");
    }
    const config = await loadConfig(io.cwd, values.config);
    if (values.examples) config.examples = values.examples;
    if (values.docs) config.docs = path.resolve(io.cwd, values.docs);

    // the project, and a run of the examples whose output a page shows
    const { project, run } = await openWithOutputRun(config, { cache: !(values["no-cache"] ?? false) });
    const report = splice(project, run?.verdicts, { strict: values.strict ?? false });
    const print = (severity: "error" | "warning", problems: readonly Problem[]) => {
      for (const problem of problems) io.stderr(`${formatPlace(problem)}: ${severity}: ${problem.message}\n`);
    };
    for (const page of report.pages) {
      print("error", page.errors);
      print("warning", page.warnings);
    }
    print("error", report.errors);
    print("warning", report.warnings);
    // a snippet a reader copies from a page must run as shown (see `exemplar check`)
    const standAlone = standAloneOnPages(project.pages ?? [], project.standAlone);
    print(values.strict ? "error" : "warning", standAlone);
    const errors = report.errors.length + report.pages.reduce((sum, page) => sum + page.errors.length, 0) + (values.strict ? standAlone.length : 0);
    const stale = report.pages.filter((page) => page.after !== page.before);

    if (values.write) {
      const { written, skipped } = await writeSplicedPages(report.pages);
      for (const file of written) io.stdout(`updated ${file}\n`);
      for (const { file, reason } of skipped) io.stderr(`${file}: ${reason}\n`);
      io.stdout(`${written.length} page${written.length === 1 ? "" : "s"} updated${summary(errors)}\n`);
      return errors > 0 || skipped.length > 0 ? 1 : 0;
    }
    if (values.check) {
      for (const page of stale) io.stdout(createTwoFilesPatch(`a/${page.file}`, `b/${page.file}`, page.before, page.after));
      io.stdout(stale.length > 0
        ? `${stale.length} page${stale.length === 1 ? " is" : "s are"} stale: run \`exemplar splice --write\`${summary(errors)}\n`
        : `${report.pages.length} page${report.pages.length === 1 ? "" : "s"} up to date${summary(errors)}\n`);
      return errors > 0 || stale.length > 0 ? 1 : 0;
    }
    for (const page of stale) io.stdout(`would update ${page.file}\n`);
    io.stdout(`${stale.length} page${stale.length === 1 ? "" : "s"} to update (run with --write)${summary(errors)}\n`);
    return errors > 0 ? 1 : 0;
  },
};

function summary(errors: number): string {
  return errors > 0 ? `; ${errors} error${errors === 1 ? "" : "s"}` : "";
}
