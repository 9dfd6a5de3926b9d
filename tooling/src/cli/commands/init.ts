import { appendFileSync, mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import { planInit } from "../../init/planInit.ts";
import { readProjectFacts } from "../../init/readProjectFacts.ts";
import { ExemplarError } from "../../errors/ExemplarError.ts";
import type { Command, CommandIo } from "../Command.ts";
import { parseFlags } from "../parseFlags.ts";

const help = `Usage: exemplar init [options]

Sets Exemplar up in the current project: exemplar.config.ts, an example (examples/hello.ts),
a page that shows it (docs/index.md), the VitePress config with withExemplar when VitePress is
a dependency, and a GitHub workflow that checks the examples on every pull request. A file that
exists is never overwritten: it is skipped, and said so. Running it again changes nothing.

Options:
  --readme     show the example in the README at the root (a section added at its end)
               instead of a docs page; the config then reads the docs from the root
  --dry-run    print what it would write, and write nothing
  -h, --help   show this help

Exit codes: 0 done (also when everything existed), 2 usage error.
`;

/** `exemplar init`: the config, an example, a page and a workflow, never over a file that exists. */
export const initCommand: Command = {
  name: "init",
  help,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values, positionals } = parseFlags("init", argv, {
      readme: { type: "boolean" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.stdout(help);
      return 0;
    }
    if (positionals.length > 0) {
      throw new ExemplarError("EXEMPLAR_USAGE", `exemplar init: unexpected argument \`${positionals[0]}\`; run it in the project's folder`);
    }
    const plan = planInit(readProjectFacts(io.cwd), { readme: values.readme ?? false });
    const dry = values["dry-run"] ?? false;
    const width = Math.max(0, ...[...plan.write, ...plan.skipped].map((file) => file.path.length));
    for (const file of plan.write) {
      const target = path.join(io.cwd, file.path);
      if (!dry) {
        mkdirSync(path.dirname(target), { recursive: true });
        // `wx`: a file that appeared since the plan is not overwritten either
        if (file.append) appendFileSync(target, file.text);
        else writeFileSync(target, file.text, { flag: "wx" });
      }
      io.stdout(`${dry ? "would " : ""}${file.append ? "add to" : "create"} ${file.path.padEnd(width)}  ${file.what}\n`);
    }
    for (const file of plan.skipped) io.stdout(`skip ${file.path.padEnd(width)}  ${file.reason}\n`);
    io.stdout(plan.write.length === 0 ? "Nothing to write: Exemplar is set up here.\n" : "");
    io.stdout(`\nNext:\n${plan.next.map((command) => `  ${command}\n`).join("")}`);
    return 0;
  },
};
