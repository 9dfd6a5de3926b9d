import { assertNoProblems } from "../errors/EnvelopeError.ts";
import { Checks } from "../envelope/Checks.ts";
import type { UsageEvent } from "./UsageEvent.ts";

const nullableString = (checks: Checks, value: unknown, path: string, max: number) => value === null || checks.string(value, path, { max, describe: "a string or null" });

/** Checks a batch of usage events (at most 1000) as a client sends them; 422 lists every problem. */
export function validateEvents(value: unknown, path = "events"): UsageEvent[] {
  const checks = new Checks();
  if (checks.array(value, path, 1000)) {
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
      if (JSON.stringify(event["args"] ?? null).length > 4000) checks.fail(`${at}.args`, "an argument summary under 4000 characters");
    });
  }
  assertNoProblems(checks.problems, "the events");
  return value as UsageEvent[];
}
