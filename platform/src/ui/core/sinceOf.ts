/**
 * `since` for the usage endpoints from a view's `days` setting: that many days before `now`
 * (28 when unset or not a positive number, as the endpoints' own default).
 */
export function sinceOf(params: Record<string, string>, now: Date): string {
  const days = Number(params["days"] ?? 28);
  return new Date(now.getTime() - (Number.isFinite(days) && days > 0 ? days : 28) * 86_400_000).toISOString();
}
