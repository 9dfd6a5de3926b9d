/** What `mergeReports` reads of a JSON report (`exemplar check --reporter json` or `--json-out`). */
export interface JsonReport {
  summary: { passed: number; failed: number; skipped: number; cached?: number; durationMs: number };
  problems: unknown[];
  standAlone?: unknown[];
  typeErrors: unknown[];
  examples: Array<{ key: string; file: string; line: number; status: "passed" | "failed" | "skipped"; cached?: boolean; failures: Array<{ message: string }> } & Record<string, unknown>>;
  updated?: unknown[];
  notUpdated?: unknown[];
  [field: string]: unknown;
}

/** A report given to `mergeReports`, with where it came from for messages. */
export interface NamedReport {
  name: string;
  report: JsonReport;
}

/**
 * Merges the JSON reports of the shards of one run (`exemplar check --shard i/n`) into the report
 * of the whole run: its examples in the order a whole run lists them (by file, then line), the
 * summary counted again (`durationMs`: the slowest shard's), the problems each shard found once.
 * An example in two reports is an error naming both: they are not shards of one run. Pure.
 */
export function mergeReports(reports: readonly NamedReport[]): JsonReport | string {
  const seen = new Map<string, string>();
  const examples: JsonReport["examples"] = [];
  for (const { name, report } of reports) {
    if (!Array.isArray(report.examples) || typeof report.summary !== "object") return `${name} is not a JSON report of exemplar check (no summary or examples)`;
    for (const example of report.examples) {
      const other = seen.get(example.key);
      if (other !== undefined) return `${example.key} is in both ${other} and ${name}: merge the reports of the shards of one run`;
      seen.set(example.key, name);
      examples.push(example);
    }
  }
  examples.sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : a.line - b.line));
  const once = (lists: Array<unknown[] | undefined>) => [...new Map(lists.flatMap((list) => list ?? []).map((item) => [JSON.stringify(item), item])).values()];
  const count = (status: string) => examples.filter((example) => example.status === status).length;
  const cached = examples.filter((example) => example.cached).length;
  return {
    summary: {
      passed: count("passed"), failed: count("failed"), skipped: count("skipped"), ...(cached > 0 ? { cached } : {}),
      durationMs: Math.max(0, ...reports.map(({ report }) => report.summary.durationMs)),
    },
    problems: once(reports.map(({ report }) => report.problems)),
    standAlone: once(reports.map(({ report }) => report.standAlone)),
    typeErrors: once(reports.map(({ report }) => report.typeErrors)),
    examples,
    updated: reports.flatMap(({ report }) => report.updated ?? []),
    notUpdated: reports.flatMap(({ report }) => report.notUpdated ?? []),
    shards: reports.map(({ name, report }) => ({ report: name, examples: report.examples.length, durationMs: report.summary.durationMs })),
  };
}
