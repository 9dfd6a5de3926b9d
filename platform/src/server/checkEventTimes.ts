import type { Checks } from "../envelope/Checks.ts";

/** how far back an event's `at` may lie: a client's batches arrive within seconds, retried within minutes */
export const maxEventAgeMs = 24 * 60 * 60 * 1000;
/** how far ahead of the registry's clock an event's `at` may lie: clock skew, not the future */
export const maxEventLeadMs = 5 * 60 * 1000;

/**
 * Checks that every event happened when the registry could have been told of it: its `at` is a
 * time from `maxEventAgeMs` before to `maxEventLeadMs` after `now`. So a client cannot backdate
 * usage into a period already reported on, nor date it ahead; the usage report orders and counts
 * events by `at`. Adds a problem at `events[i].at` for each one outside that window.
 */
export function checkEventTimes(checks: Checks, events: ReadonlyArray<{ at: string }>, now: Date, path = "events"): void {
  const expected = `a time from 24 hours before to 5 minutes after the registry's clock (${now.toISOString()})`;
  events.forEach((event, index) => {
    const at = Date.parse(event.at);
    if (!(at >= now.getTime() - maxEventAgeMs && at <= now.getTime() + maxEventLeadMs)) checks.fail(`${path}[${index}].at`, expected, event.at);
  });
}
