import { assertNoProblems } from "../errors/EnvelopeError.ts";
import { Checks } from "../envelope/Checks.ts";
import type { UsageEvent } from "./UsageEvent.ts";

const nullableString = (checks: Checks, value: unknown, path: string, max: number) => value === null || checks.string(value, path, { max, describe: "a string or null" });

/** how long an event's argument summary may be, as JSON */
const maxArgsJson = 4000;

/**
 * Whether `value`'s JSON is surely at most `max` characters, told without writing it (the
 * registry wrote each event's summary twice, here and into the store): a bound summed from its
 * parts, a string at most 6 characters a unit and its quotes, a number at most 24. Only for the
 * plain values JSON.parse makes; false for anything else, and when the bound is over `max`,
 * where the caller writes the JSON to know.
 */
function surelyShortJson(value: unknown, max: number): boolean {
  return jsonBoundLeft(value, max, 0) >= 0;
}

/** `left` less the bound of `value`'s JSON; -1 when it is over, or `value` is not a plain value */
function jsonBoundLeft(value: unknown, left: number, depth: number): number {
  if (value === null) return left - 4;
  switch (typeof value) {
    case "string":
      return left - 2 - 6 * value.length;
    case "number":
      return left - 24;
    case "boolean":
      return left - 5;
    case "object":
      break;
    default:
      return -1;
  }
  if (depth > 8 || "toJSON" in value) return -1;
  left -= 2;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length && left >= 0; index++) left = jsonBoundLeft(value[index], left - 1, depth + 1);
    return left;
  }
  if (Object.getPrototypeOf(value) !== Object.prototype) return -1;
  for (const key in value) {
    if (left < 0 || !Object.hasOwn(value, key)) return -1;
    left = jsonBoundLeft((value as Record<string, unknown>)[key], left - 4 - 6 * key.length, depth + 1);
  }
  return left;
}

/** the most events the registry takes in one request */
export const maxEventsPerRequest = 10_000;

/** Checks a batch of usage events (at most `maxEventsPerRequest`) as a client sends them; 422 lists every problem. */
export function validateEvents(value: unknown, path = "events"): UsageEvent[] {
  const checks = new Checks();
  if (checks.array(value, path, maxEventsPerRequest)) {
    value.forEach((event, index) => {
      const at = `${path}[${index}]`;
      if (!checks.record(event, at)) return;
      checks.string(event["at"], `${at}.at`, { pattern: /^\d{4}-\d{2}-\d{2}T/, describe: "an ISO time" });
      checks.string(event["fn"], `${at}.fn`, { pattern: /^[A-Za-z][\w.]{0,63}$/, describe: "a function name" });
      if (typeof event["success"] !== "boolean") checks.fail(`${at}.success`, "true or false", event["success"]);
      checks.number(event["durationMs"], `${at}.durationMs`, { min: 0 });
      checks.string(event["clientVersion"], `${at}.clientVersion`, { max: 64 });
      nullableString(checks, event["errorClass"], `${at}.errorClass`, 128);
      nullableString(checks, event["errorCode"], `${at}.errorCode`, 128);
      nullableString(checks, event["errorMessage"], `${at}.errorMessage`, 2000);
      nullableString(checks, event["model"], `${at}.model`, 128);
      const args = event["args"] ?? null;
      if (!surelyShortJson(args, maxArgsJson) && JSON.stringify(args).length > maxArgsJson) checks.fail(`${at}.args`, `an argument summary under ${maxArgsJson} characters`);
    });
  }
  assertNoProblems(checks.problems, "the events");
  return value as UsageEvent[];
}
