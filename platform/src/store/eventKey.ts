/**
 * An event's place in the order pages follow: its time in microseconds since 1970 (exact as a
 * number until the year 2255), then its id. Stored times are milliseconds, a cursor's time has
 * microseconds: both compare exactly as microseconds.
 */
export interface EventKey {
  at: number;
  id: number;
}

/** negative, zero or positive as `a` comes before, with or after `b` */
export function compareEventKeys(a: EventKey, b: EventKey): number {
  return a.at - b.at || a.id - b.id;
}

/** the later of two keys */
export function laterKey(a: EventKey, b: EventKey): EventKey {
  return compareEventKeys(a, b) >= 0 ? a : b;
}

/**
 * `iso` in microseconds since 1970, or NaN when it is not a time. `Date.parse` keeps
 * milliseconds; the fourth to sixth decimals of the seconds are added here.
 */
export function microsOf(iso: string): number {
  const ms = Date.parse(iso);
  const extra = /:\d\d\.\d{3}(\d{1,3})/.exec(iso)?.[1];
  return ms * 1000 + (extra === undefined ? 0 : Number(extra.padEnd(3, "0")));
}

/** `micros` as an ISO time in UTC with six decimals, the form of a cursor's time */
export function isoOfMicros(micros: number): string {
  const ms = Math.floor(micros / 1000);
  return `${new Date(ms).toISOString().slice(0, 23)}${String(micros - ms * 1000).padStart(3, "0")}Z`;
}
