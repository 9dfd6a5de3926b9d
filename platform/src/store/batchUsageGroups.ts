import type { UsageEvent } from "../tracking/UsageEvent.ts";

/**
 * `at` as every client sends it (`Date#toISOString`, within hours 00-23): its first ten
 * characters are its UTC day, and two such strings compare as their times do
 */
const canonicalAt = /^\d{4}-\d\d-\d\dT([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** A batch of events summed up for `envelope_first_calls` and `envelope_usage_days`. */
export interface BatchUsageGroups {
  /**
   * per (user, team or '', fn), the batch's first call: [user, team, fn, at, index in the
   * batch], the earliest `at`, ties to the lower index; an `at` in any other form than
   * `canonicalAt` is a candidate of its own, for the database to compare as a time
   */
  firstCalls: Array<[string, string, string, string, number]>;
  /**
   * per day and group of the dashboard's daily counts: [at, team, user, fn, success,
   * errorClass, errorCode, errorMessage, calls], `at` the group's latest; an `at` in any other
   * form than `canonicalAt` is a group of its own, for the database to put in its day
   */
  days: Array<[string, string | null, string | null, string, boolean, string | null, string | null, string | null, number]>;
}

/**
 * Sums a batch up into the few rows its first calls and daily counts need, so that the store
 * upserts those instead of grouping every inserted row (a batch from one service has a handful
 * of groups). The groups are finer than the database's where an `at` is not in the form
 * clients send, never coarser: the upserts group them again by the database's own day and time.
 */
export function batchUsageGroups(events: readonly UsageEvent[]): BatchUsageGroups {
  const firstCalls = new Map<string, BatchUsageGroups["firstCalls"][number]>();
  const days = new Map<string, BatchUsageGroups["days"][number]>();
  events.forEach((event, index) => {
    const canonical = canonicalAt.test(event.at);
    const when = canonical ? event.at.slice(0, 10) : event.at;
    const dayKey = JSON.stringify([when, event.team, event.user, event.fn, event.success, event.errorClass, event.errorCode, event.errorMessage]);
    const day = days.get(dayKey);
    if (!day) days.set(dayKey, [event.at, event.team, event.user, event.fn, event.success, event.errorClass, event.errorCode, event.errorMessage, 1]);
    else {
      day[8] += 1;
      if (event.at > day[0]) day[0] = event.at;
    }
    if (event.user === null) return;
    const callKey = JSON.stringify([event.user, event.team ?? "", event.fn, canonical ? "" : event.at]);
    const call = firstCalls.get(callKey);
    if (!call) firstCalls.set(callKey, [event.user, event.team ?? "", event.fn, event.at, index]);
    else if (event.at < call[3]) {
      call[3] = event.at;
      call[4] = index;
    }
  });
  return { firstCalls: [...firstCalls.values()], days: [...days.values()] };
}
