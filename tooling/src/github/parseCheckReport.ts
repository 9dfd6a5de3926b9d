import { ExemplarError } from "../errors/ExemplarError.ts";
import type { FailingExample, PreviewComment } from "./formatPreviewComment.ts";

/** The parts of `exemplar check`'s JSON report that the preview comment shows. */
export type CheckReportSummary = Pick<PreviewComment, "summary" | "docs" | "failing">;

/**
 * Reads the summary, the failed examples (key, file, line) and the docs counts from the text of
 * a JSON report (`exemplar check --reporter json --out FILE`, or `--json-out FILE`). Pure.
 * `file` names the report in messages. Throws `EXEMPLAR_USAGE` when the text is not JSON or
 * lacks `summary.passed/failed/skipped`.
 */
export function parseCheckReport(text: string, file: string): CheckReportSummary {
  let report: unknown;
  try {
    report = JSON.parse(text);
  } catch (error) {
    throw invalid(file, `not JSON (${(error as Error).message.split("\n")[0]})`, error);
  }
  const summary = field(report, "summary");
  const counts = { passed: field(summary, "passed"), failed: field(summary, "failed"), skipped: field(summary, "skipped") };
  for (const [name, value] of Object.entries(counts)) {
    if (typeof value !== "number") throw invalid(file, `summary.${name} is ${JSON.stringify(value) ?? "missing"}`);
  }
  const parsed: CheckReportSummary = { summary: counts as CheckReportSummary["summary"] };
  const examples = field(report, "examples");
  const failing = (Array.isArray(examples) ? examples : []).filter((example) => field(example, "status") === "failed").flatMap(placeOf);
  if (failing.length > 0) parsed.failing = failing;
  const docs = field(report, "docs");
  if (docs !== undefined) {
    const count = (name: string) => {
      const value = field(docs, name);
      return Array.isArray(value) ? value.length : typeof value === "number" ? value : 0;
    };
    parsed.docs = { pages: count("pages"), blocks: count("blocks"), errors: count("errors"), warnings: count("warnings") };
  }
  return parsed;
}

/** A failed example's place, or nothing for an entry without a key and a file (the counts still hold it). */
function placeOf(example: unknown): FailingExample[] {
  const [key, file, line] = [field(example, "key"), field(example, "file"), field(example, "line")];
  return typeof key === "string" && typeof file === "string" ? [{ key, file, line: typeof line === "number" ? line : 0 }] : [];
}

function field(value: unknown, name: string): unknown {
  return typeof value === "object" && value !== null ? (value as Record<string, unknown>)[name] : undefined;
}

function invalid(file: string, what: string, cause?: unknown): ExemplarError {
  return new ExemplarError("EXEMPLAR_USAGE", `${file} is not an exemplar check JSON report: ${what}; expected the file written by \`exemplar check --json-out ${file}\``, cause === undefined ? {} : { cause });
}
