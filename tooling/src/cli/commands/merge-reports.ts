import { readFile } from "node:fs/promises";
import path from "node:path";
import { ExemplarError } from "../../errors/ExemplarError.ts";
import { writeFileAtomic } from "../../files/writeFileAtomic.ts";
import { mergeReports, type JsonReport } from "../../merge/mergeReports.ts";
import { formatSummary } from "../../report/summarize.ts";
import type { Command, CommandIo } from "../Command.ts";
import { parseFlags } from "../parseFlags.ts";

const help = `Usage: exemplar merge-reports REPORT... [options]

Merges the JSON reports of the shards of one run (exemplar check --shard i/n --json-out FILE)
into the report of the whole run, and exits as that run would have.

Options:
  --json-out FILE   write the merged JSON report to FILE (what pr-comment --report reads)
  -h, --help        show this help

Exit codes: 0 all passed, 1 some example failed, 2 problems in the example files, or a report
that cannot be read or merged.
`;

/** `exemplar merge-reports`: one report from a sharded run's reports. */
export const mergeReportsCommand: Command = {
  name: "merge-reports",
  help,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseFlags("merge-reports", argv, {
      "json-out": { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.stdout(help);
      return 0;
    }
    if (positionals.length === 0) throw new ExemplarError("EXEMPLAR_USAGE", "exemplar merge-reports: name the JSON reports to merge, e.g. `exemplar merge-reports reports/shard-*.json`");
    const reports = await Promise.all(positionals.map(async (name) => {
      let text: string;
      try {
        text = await readFile(path.resolve(io.cwd, name), "utf8");
      } catch (error) {
        throw new ExemplarError("EXEMPLAR_USAGE", `exemplar merge-reports: cannot read ${name}: ${(error as Error).message}`);
      }
      try {
        return { name, report: JSON.parse(text) as JsonReport };
      } catch (error) {
        throw new ExemplarError("EXEMPLAR_USAGE", `exemplar merge-reports: ${name} is not JSON: ${(error as Error).message}`);
      }
    }));
    const merged = mergeReports(reports);
    if (typeof merged === "string") throw new ExemplarError("EXEMPLAR_USAGE", `exemplar merge-reports: ${merged}`);
    if (values["json-out"]) await writeFileAtomic(path.resolve(io.cwd, values["json-out"]), `${JSON.stringify(merged, null, 2)}\n`);
    for (const example of merged.examples.filter((entry) => entry.status === "failed")) {
      io.stdout(`✗ ${example.key} (${example.file}:${example.line}): ${example.failures[0]?.message.split("\n")[0] ?? "failed"}\n`);
    }
    io.stdout(`Merged ${reports.length} report${reports.length === 1 ? "" : "s"}: ${formatSummary(merged.summary)}\n`);
    return merged.problems.length > 0 ? 2 : merged.summary.failed > 0 ? 1 : 0;
  },
};
