import { clip, maxListedProblems, preview, type Problem } from "../errors/Problem.ts";

/** A JSON object (not an array, not null). */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Collects problems while a validator walks a value, so that a 422 lists every problem at once.
 * Each check returns whether the value passed, for narrowing. It keeps one problem more than
 * `maxListedProblems` (so that `assertNoProblems` can say there were more) and ignores the rest;
 * validators that loop over a sender's keys or items stop once it is `full`, so a huge bad body
 * costs no more to check than a small one. Paths and expectations are clipped to 200 characters.
 */
export class Checks {
  readonly problems: Problem[] = [];

  /** true once more problems were found than an error lists: checking further changes nothing */
  get full(): boolean {
    return this.problems.length > maxListedProblems;
  }

  fail(path: string, expected: string, value?: unknown): false {
    if (this.full) return false;
    const problem: Problem = { path: clip(path), expected: clip(expected) };
    if (arguments.length >= 3) problem.got = preview(value);
    this.problems.push(problem);
    return false;
  }

  /** like `fail`, with `got` already described (e.g. "300 characters") rather than a value to preview */
  failDescribed(path: string, expected: string, got: string): false {
    if (!this.full) this.problems.push({ path: clip(path), expected: clip(expected), got: clip(got) });
    return false;
  }

  record(value: unknown, path: string): value is Record<string, unknown> {
    return isRecord(value) || this.fail(path, "an object", value);
  }

  array(value: unknown, path: string, max = Infinity): value is unknown[] {
    if (!Array.isArray(value)) return this.fail(path, "an array", value);
    if (value.length > max) return this.failDescribed(path, `at most ${max} items`, `${value.length} items`);
    return true;
  }

  string(value: unknown, path: string, options: { max?: number; pattern?: RegExp; describe?: string } = {}): value is string {
    const describe = options.describe ?? "a string";
    if (typeof value !== "string") return this.fail(path, describe, value);
    if (options.max !== undefined && value.length > options.max) return this.failDescribed(path, `${describe} of at most ${options.max} characters`, `${value.length} characters`);
    if (options.pattern && !options.pattern.test(value)) return this.fail(path, describe, value);
    return true;
  }

  number(value: unknown, path: string, options: { integer?: boolean; min?: number; max?: number; describe?: string } = {}): value is number {
    const describe = options.describe ?? (options.integer ? "an integer" : "a finite number");
    if (typeof value !== "number" || !Number.isFinite(value) || (options.integer && !Number.isInteger(value))) return this.fail(path, describe, value);
    if ((options.min !== undefined && value < options.min) || (options.max !== undefined && value > options.max)) return this.fail(path, describe, value);
    return true;
  }

  oneOf<T extends string>(value: unknown, path: string, choices: readonly T[]): value is T {
    return (typeof value === "string" && (choices as readonly string[]).includes(value)) || this.fail(path, `one of ${choices.join(", ")}`, value);
  }

  /** Reports keys of `value` that are not in `known`, a common typo. */
  onlyKeys(value: Record<string, unknown>, path: string, known: readonly string[]): void {
    for (const key in value) {
      if (this.full) return;
      if (Object.hasOwn(value, key) && !known.includes(key)) this.fail(`${path ? `${path}.` : ""}${key}`, `no such field (known: ${known.join(", ")})`);
    }
  }
}
