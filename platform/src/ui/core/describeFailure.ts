/** What went wrong with a call to the registry, as the page received it. */
export interface Failure {
  /** the HTTP status; 0 when the registry did not answer */
  status: number;
  /** the path called, e.g. `/v1/dashboard/metrics` */
  path: string;
  /** the registry's error code and message, when it sent its usual error body */
  code?: string;
  message?: string;
  /** the registry's list of what was wrong, each with its place and what was expected */
  problems?: Array<{ path: string; expected?: string; got?: string }>;
}

/**
 * The sentence the page shows for a failed call: what happened and what to do about it. A
 * refused token asks for one made with `envelope token create`; a route the registry lacks says
 * it is older than the page; anything else repeats the registry's own message and its problems,
 * which name the parameter and what was expected.
 */
export function describeFailure(failure: Failure): string {
  if (failure.status === 0) return `the registry did not answer ${failure.path}: check that it is running and reachable from this browser, then reload`;
  if (failure.status === 401) return "token refused: paste a token made with `envelope token create` (the registry's admin issues it)";
  if (failure.status === 403) return `this token may not read ${failure.path}${failure.message ? ` (${failure.message})` : ""}: use a token of the team that owns it, or an admin's`;
  if (failure.status === 404 && failure.code === "ENVELOPE_NOT_FOUND" && failure.message?.startsWith("no route")) {
    return `this registry has no ${failure.path}: it is older than the dashboard; update @envelope/platform where it runs`;
  }
  const listed = (failure.problems ?? []).map((problem) => `${problem.path}: expected ${problem.expected ?? "something else"}${problem.got === undefined ? "" : `, got ${problem.got}`}`);
  const said = [failure.message ?? "no message", ...listed].join("; ");
  return `${failure.path} answered ${failure.status}${failure.code ? ` ${failure.code}` : ""}: ${said}`;
}
