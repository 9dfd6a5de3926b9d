/** What a publish log says after a request timed out on every attempt. */
export const TIMEOUT_ADVICE = "the endpoint took the request but did not answer: check that it is up and publish again, or allow more time (--timeout, --attempts)";

/**
 * Says how a request that got no answer gave up (`no answer: nothing received for 30 s, 3
 * attempts`), from the SDK's `TimeoutError` and the retry count it carries; undefined for any
 * other error, and for a connection that was never made (that is an unreachable endpoint, not a
 * silent one). The limits are read from the SDK's message; when it changes shape the line still
 * says `no answer`. Pure.
 */
export function describeTimeout(error: unknown): string | undefined {
  if (!(error instanceof Error) || error.name !== "TimeoutError") return undefined;
  const { message } = error;
  if (/establish a connection|without establishing/i.test(message)) return undefined;
  const ms = Number(/(\d+) ?ms/.exec(message)?.[1]);
  const seconds = Number.isFinite(ms) ? `${ms / 1000} s` : undefined;
  const how = seconds === undefined ? undefined : /inactivity/i.test(message) ? `nothing received for ${seconds}` : `not done within ${seconds}`;
  const attempts = (error as { $metadata?: { attempts?: number } }).$metadata?.attempts;
  const tried = attempts === undefined ? undefined : `${attempts} attempt${attempts === 1 ? "" : "s"}`;
  return ["no answer", [how, tried].filter(Boolean).join(", ")].filter(Boolean).join(": ");
}
