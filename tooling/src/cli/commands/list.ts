import { loadConfig } from "../../config/loadConfig.ts";
import { formatPlace, type Example, type Expectation } from "../../records/Example.ts";
import { parseExamples } from "../../project/parseExamples.ts";
import { readProject } from "../../project/readProject.ts";
import { formatProblem } from "../../records/Problem.ts";
import type { Command, CommandIo } from "../Command.ts";
import { parseFlags } from "../parseFlags.ts";

const help = `Usage: exemplar list [options]

Lists every example with its key, file:line and expectations, without running anything.

Options:
  --examples GLOB   example files to search (repeatable; default from exemplar.config.ts)
  --json            print JSON instead of lines
  --config FILE     config file (default ./exemplar.config.ts, optional)
  -h, --help        show this help
`;

/** `exemplar list`: what the examples are and what they expect. */
export const listCommand: Command = {
  name: "list",
  help,
  async run(argv: string[], io: CommandIo): Promise<number> {
    const { values } = parseFlags("list", argv, {
      examples: { type: "string", multiple: true },
      json: { type: "boolean" },
      config: { type: "string" },
      help: { type: "boolean", short: "h" },
    });
    if (values.help) {
      io.stdout(help);
      return 0;
    }
    const config = await loadConfig(io.cwd, values.config);
    if (values.examples) config.examples = values.examples;
    const project = parseExamples(await readProject(config, { pages: false }));
    if (project.problems.length > 0) {
      io.stderr(project.problems.map(formatProblem).join("\n") + "\n");
      return 2;
    }
    if (values.json) {
      const entries = project.examples.map((example) => ({
        key: example.key,
        file: example.file,
        line: example.line,
        name: example.name,
        ...(example.timeout === undefined ? {} : { timeout: example.timeout }),
        ...(example.skip === undefined ? {} : { skip: example.skip }),
        expectations: describeAll(example),
      }));
      io.stdout(JSON.stringify(entries, null, 2) + "\n");
      return 0;
    }
    const width = Math.max(0, ...project.examples.map((example) => example.key.length));
    for (const example of project.examples) {
      const expectations = describeAll(example).join(", ");
      io.stdout(`${example.key.padEnd(width)}  ${formatPlace(example)}  ${expectations}${example.skip ? `  (skipped: ${example.skip})` : ""}\n`);
    }
    io.stdout(`${project.examples.length} example${project.examples.length === 1 ? "" : "s"}\n`);
    return 0;
  },
};

/** Its tags' expectations, then its `//=>` checks, counted. */
function describeAll(example: Example): string[] {
  const inline = example.inlineResults?.length ?? 0;
  return [...example.expectations.map(describeExpectation), ...(inline > 0 ? [`//=> (${inline} check${inline === 1 ? "" : "s"})`] : [])];
}

function describeExpectation(expectation: Expectation): string {
  switch (expectation.kind) {
    case "exact":
      return `@expect (${expectation.lines.length} line${expectation.lines.length === 1 ? "" : "s"})`;
    case "unordered":
      return `@expectUnordered (${expectation.lines.length} line${expectation.lines.length === 1 ? "" : "s"})`;
    case "contains":
      return `@expectContains ${expectation.text}`;
    case "match":
      return `@expectMatch ${expectation.source}`;
    case "error":
      return `@expectError ${expectation.source}`;
  }
}
