/**
 * One thing wrong with a request: where (`path`, e.g. `data.metrics[0].value`), what was expected,
 * and a short preview of what was sent. A 422 lists every problem, not just the first.
 */
export interface Problem {
  path: string;
  expected: string;
  got?: string;
}

/** A short, single-line preview of a wrong value for a problem's `got`. */
export function preview(value: unknown): string {
  if (value === undefined) return "nothing";
  if (typeof value === "number" && !Number.isFinite(value)) return String(value);
  let text: string;
  try {
    text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    text = String(value);
  }
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

/** `path: expected X, got Y`, the line every report and error message uses. */
export function formatProblem(problem: Problem): string {
  return `${problem.path}: expected ${problem.expected}${problem.got === undefined ? "" : `, got ${problem.got}`}`;
}
