import { Checks } from "../envelope/Checks.ts";
import type { Field } from "../envelope/Envelope.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { checkRows } from "./checkRows.ts";

/** At most this many problems in one 422: enough to fix a batch, small enough to read. */
export const maxListedProblems = 1000;

/**
 * Reads the body of `POST /predict`, `{ "rows": [ {...}, ... ] }`, against the shape's inputs and
 * returns the rows; otherwise throws one 422 `ENVELOPE_INVALID` listing every problem with its
 * row index, field, expectation and what was sent (the first 1,000 of a larger count, saying so).
 */
export function readPredictRequest(body: unknown, inputs: readonly Field[], maxRows: number): Record<string, unknown>[] {
  const checks = new Checks();
  if (checks.record(body, "(body)")) {
    checks.onlyKeys(body, "", ["rows"]);
    const rows = body["rows"];
    if (checks.array(rows, "rows", maxRows)) {
      if (rows.length === 0) checks.fail("rows", "at least one row", rows);
      else if (checks.problems.length === 0) {
        const problems = checkRows(rows, inputs, "rows", maxListedProblems + 1);
        if (problems.length === 0) return rows as Record<string, unknown>[];
        const listed = problems.slice(0, maxListedProblems);
        const count = problems.length > maxListedProblems ? `more than ${maxListedProblems} problems (the first ${maxListedProblems} listed)` : problems.length === 1 ? "1 problem" : `${problems.length} problems`;
        throw new EnvelopeError("ENVELOPE_INVALID", `${count} in the rows`, { problems: listed });
      }
    }
  }
  const count = checks.problems.length === 1 ? "1 problem" : `${checks.problems.length} problems`;
  throw new EnvelopeError("ENVELOPE_INVALID", `${count} in the request; expected {"rows": [...]} with 1 to ${maxRows} rows`, { problems: checks.problems });
}
