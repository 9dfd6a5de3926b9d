import type { UsageEvent } from "../tracking/UsageEvent.ts";

/**
 * `at` as every client sends it (`Date#toISOString`, within hours 00-23): its first ten
 * characters are its UTC day, and two such strings compare as their times do
 */
const canonicalAt = /^\d{4}-\d\d-\d\dT([01]\d|2[0-3]):[0-5]\d:[0-5]\d\.\d{3}Z$/;

/** A batch of events summed up for `envelope_first_calls` and `envelope_usage_days`. */
export interface BatchUsageGroups {
  /**
   * per (user, team or '', fn), the batch's first call: [user, team, fn, at, rank], the earliest
   * `at`, ties to the lower rank (the event's index in the batch, or `options.ranks`'); an `at` in any other form than
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

/** a value in a group's key: null, or the text with its length before it, so that no two keys run together */
const part = (value: string | null) => (value === null ? "-" : `${value.length}:${value}`);

type DayGroup = BatchUsageGroups["days"][number];
type FirstCall = BatchUsageGroups["firstCalls"][number];

/** whether `event` falls in `day`'s group, `when` being its day (or its time, in another form) */
const sameDay = (day: DayGroup, dayWhen: string, event: UsageEvent, when: string) =>
  dayWhen === when && day[1] === event.team && day[2] === event.user && day[3] === event.fn && day[4] === event.success && day[5] === event.errorClass && day[6] === event.errorCode && day[7] === event.errorMessage;

/**
 * Sums a batch up into the few rows its first calls and daily counts need, so that the store
 * upserts those instead of grouping every inserted row (a batch from one service has a handful
 * of groups). The groups are finer than the database's where an `at` is not in the form
 * clients send, never coarser: the upserts group them again by the database's own day and time.
 * `ranks`, per event, what orders the first calls of one time (the events' ids less a base:
 * `eventSegments`' keys), in place of the index in the batch.
 */
export function batchUsageGroups(events: readonly UsageEvent[], options: { ranks?: readonly number[] } = {}): BatchUsageGroups {
  const ranks = options.ranks;
  const firstCalls = new Map<string, FirstCall>();
  const days = new Map<string, DayGroup>();
  // most events fall in the group of the event before them: that one is checked first, by value
  let lastDay: DayGroup | undefined;
  let lastWhen = "";
  let lastCall: FirstCall | undefined;
  let lastCallWhen = "";
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    const canonical = canonicalAt.test(event.at);
    const when = canonical ? event.at.slice(0, 10) : event.at;
    let day = lastDay && sameDay(lastDay, lastWhen, event, when) ? lastDay : undefined;
    if (!day) {
      const key = part(when) + part(event.team) + part(event.user) + part(event.fn) + (event.success ? "t" : "f") + part(event.errorClass) + part(event.errorCode) + part(event.errorMessage);
      day = days.get(key);
      if (!day) days.set(key, (day = [event.at, event.team, event.user, event.fn, event.success, event.errorClass, event.errorCode, event.errorMessage, 0]));
    }
    day[8] += 1;
    if (event.at > day[0]) day[0] = event.at;
    lastDay = day;
    lastWhen = when;
    if (event.user === null) continue;
    const team = event.team ?? "";
    const callWhen = canonical ? "" : event.at;
    let call = lastCall && lastCall[0] === event.user && lastCall[1] === team && lastCall[2] === event.fn && lastCallWhen === callWhen ? lastCall : undefined;
    const rank = ranks ? ranks[index]! : index;
    if (!call) {
      const key = part(event.user) + part(team) + part(event.fn) + part(callWhen);
      call = firstCalls.get(key);
      if (!call) firstCalls.set(key, (call = [event.user, team, event.fn, event.at, rank]));
    }
    if (event.at < call[3] || (event.at === call[3] && rank < call[4])) {
      call[3] = event.at;
      call[4] = rank;
    }
    lastCall = call;
    lastCallWhen = callWhen;
  }
  return { firstCalls: [...firstCalls.values()], days: [...days.values()] };
}
