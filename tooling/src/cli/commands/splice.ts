import path from "node:path";
import { createTwoFilesPatch } from "diff";
import { loadConfig, type ResolvedConfig } from "../../config/loadConfig.ts";
import { relativeTo } from "../../files/relativeTo.ts";
import { ExemplarError } from "../../errors/ExemplarError.ts";
import { formatPlace } from "../../records/Example.ts";
import type { Problem } from "../../records/Problem.ts";
import { openWithOutputRun } from "../../fast/openWithOutputRun.ts";
import { splice } from "../../splice/splice.ts";
import { writeSplicedPages } from "../../splice/writeSplicedPages.ts";
import { standAloneOnPages } from "../../standalone/standAloneOnPages.ts";
import type { Command, CommandIo } from "../Command.ts";
import { parseFlags } from "../parseFlags.ts";
import { watchSaves } from "../watchSaves.ts";

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
  --watch           after the splice, splice again on each save of an example file, a
                    file one imports or a page (the examples whose inputs changed run),
                    one splice at a time, until Ctrl-C
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
      watch: { type: "boolean" },
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

    const mode = values.write ? "write" : values.check ? "check" : "list";
    const options = { mode, strict: values.strict ?? false, cache: !(values["no-cache"] ?? false) } as const;
    const first = await spliceOnce(config, io, options);
    if (!values.watch) return first.code;
    // each save splices again: the result cache runs only the examples whose inputs it changed
    return watchSaves(config.root, io, async (saved) => {
      const started = performance.now();
      const { written } = await spliceOnce(config, io, options);
      io.stdout(`exemplar: ${saved.map((file) => relativeTo(config.root, file)).join(", ")} changed: spliced in ${Math.round(performance.now() - started)} ms; watching\n`);
      return written;
    });
  },
};

interface SpliceOptions {
  mode: "write" | "check" | "list";
  strict: boolean;
  cache: boolean;
}

/** One splice of every page, printed; its exit code, and the pages it wrote (absolute path to text). */
async function spliceOnce(config: ResolvedConfig, io: CommandIo, { mode, strict, cache }: SpliceOptions): Promise<{ code: number; written: Map<string, string> }> {
  // the project, and a run of the examples whose output a page shows
  const { project, run } = await openWithOutputRun(config, { cache });
  const report = splice(project, run?.verdicts, { strict });
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
  print(strict ? "error" : "warning", standAlone);
  const errors = report.errors.length + report.pages.reduce((sum, page) => sum + page.errors.length, 0) + (strict ? standAlone.length : 0);
  const stale = report.pages.filter((page) => page.after !== page.before);

  if (mode === "write") {
    const { written, skipped } = await writeSplicedPages(report.pages);
    for (const file of written) io.stdout(`updated ${file}\n`);
    for (const { file, reason } of skipped) io.stderr(`${file}: ${reason}\n`);
    io.stdout(`${written.length} page${written.length === 1 ? "" : "s"} updated${summary(errors)}\n`);
    const texts = new Map(report.pages.filter((page) => written.includes(page.file)).map((page) => [page.path, page.after]));
    return { code: errors > 0 || skipped.length > 0 ? 1 : 0, written: texts };
  }
  if (mode === "check") {
    for (const page of stale) io.stdout(createTwoFilesPatch(`a/${page.file}`, `b/${page.file}`, page.before, page.after));
    io.stdout(stale.length > 0
      ? `${stale.length} page${stale.length === 1 ? " is" : "s are"} stale: run \`exemplar splice --write\`${summary(errors)}\n`
      : `${report.pages.length} page${report.pages.length === 1 ? "" : "s"} up to date${summary(errors)}\n`);
    return { code: errors > 0 || stale.length > 0 ? 1 : 0, written: new Map() };
  }
  for (const page of stale) io.stdout(`would update ${page.file}\n`);
  io.stdout(`${stale.length} page${stale.length === 1 ? "" : "s"} to update (run with --write)${summary(errors)}\n`);
  return { code: errors > 0 ? 1 : 0, written: new Map() };
}

function summary(errors: number): string {
  return errors > 0 ? `; ${errors} error${errors === 1 ? "" : "s"}` : "";
}
