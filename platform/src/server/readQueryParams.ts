import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { Checks } from "../envelope/Checks.ts";
import { maxListedProblems } from "../errors/Problem.ts";
import { decodePageCursor } from "../store/pageCursor.ts";
import { parseTagList } from "../tags/parseTagList.ts";

/** The dashboard's page sizes: `limit` when not given, and the largest one may ask for. */
export const dashboardPage = { default: 100, max: 1000 };

/** Function, metric and user names as the routes accept them in a query. */
export const namePattern = /^[\p{L}\p{N}][\p{L}\p{N}_.@-]{0,127}$/u;

export interface QueryParams {
  /** `since`, an ISO time; default `days` days before `now` */
  since(now: Date, days: number): string;
  /** `limit`, 1 to `dashboardPage.max`; default `dashboardPage.default` */
  limit(): number;
  /** `cursor`: undefined, or the `next` of an earlier page of `list` */
  cursor(list: string, kinds: ReadonlyArray<"string" | "number">): string | undefined;
  /** `query`, a tag list `key=value,key=value` as `envelope find` takes it; empty or absent: every version */
  tags(): Record<string, string>;
  /** every value of the name parameter `name` (letters, digits, then `_ . @ -`; at most 128) */
  names(name: string): string[];
  /** the one value of `name`, undefined when absent */
  name(name: string): string | undefined;
  /** a whole number from 1 to `max`; `fallback` when absent */
  count(name: string, fallback: number, max: number): number;
  /** adds a problem with parameter `name` */
  fail(name: string, expected: string, value?: unknown): void;
  /** throws the 400 listing every problem found so far, if any */
  done(): void;
}

/**
 * Reads a dashboard route's query parameters, collecting every problem (a parameter that is not
 * `known` is one) into one 400 `ENVELOPE_INVALID` that names each parameter and what was expected.
 */
export function readQueryParams(query: URLSearchParams, known: readonly string[]): QueryParams {
  const checks = new Checks();
  for (const key of new Set(query.keys())) if (!known.includes(key)) checks.fail(`query.${key}`, `no such parameter (known: ${known.join(", ")})`);
  const whole = (name: string, fallback: number, max: number) => {
    const text = query.get(name);
    if (text === null) return fallback;
    const value = /^\d{1,7}$/.test(text) ? Number(text) : 0;
    if (value < 1 || value > max) checks.fail(`query.${name}`, `a whole number from 1 to ${max}`, text);
    return value;
  };
  const names = (name: string) => {
    const values = query.getAll(name);
    values.forEach((value, index) => checks.string(value, values.length === 1 ? `query.${name}` : `query.${name}[${index}]`, { pattern: namePattern, describe: "a name (letters, digits, then '_', '.', '@', '-'; at most 128)" }));
    return values;
  };
  return {
    since(now, days) {
      const text = query.get("since");
      if (text === null) return new Date(now.getTime() - days * 86_400_000).toISOString();
      if (!/^\d{4}-\d\d-\d\d/.test(text) || Number.isNaN(Date.parse(text))) checks.fail("query.since", "an ISO time like 2026-11-02T00:00:00Z", text);
      else return new Date(text).toISOString();
      return now.toISOString();
    },
    limit: () => whole("limit", dashboardPage.default, dashboardPage.max),
    cursor(list, kinds) {
      const text = query.get("cursor") ?? undefined;
      if (text !== undefined && !decodePageCursor(text, list, kinds)) checks.fail("query.cursor", `the \`next\` of an earlier page of ${list}`, text);
      return text;
    },
    tags() {
      const text = (query.get("query") ?? "").trim();
      return text === "" ? {} : parseTagList(checks, text, "query.query");
    },
    names,
    name: (name) => names(name)[0],
    count: whole,
    fail: (name, expected, ...value) => void checks.fail(`query.${name}`, expected, ...value),
    done() {
      if (checks.problems.length === 0) return;
      const listed = checks.problems.slice(0, maxListedProblems);
      throw new EnvelopeError("ENVELOPE_INVALID", `${listed.length === 1 ? "1 problem" : `${listed.length} problems`} in the query`, { status: 400, problems: listed });
    },
  };
}
