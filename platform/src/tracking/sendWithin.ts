import { EnvelopeError } from "../errors/EnvelopeError.ts";

/**
 * Runs `send` with a signal that aborts after `timeoutMs`, and gives up on it then even when the
 * sink ignores the signal: rejects with `ENVELOPE_TRACKING_FAILED` saying how many events were
 * not sent in time. The timer is unref'd: it never keeps the process alive by itself.
 */
export async function sendWithin(send: (signal: AbortSignal) => Promise<void>, count: number, timeoutMs: number): Promise<void> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      const error = new EnvelopeError("ENVELOPE_TRACKING_FAILED", `usage events: ${count} not sent within ${timeoutMs} ms (timeoutMs)`);
      controller.abort(error);
      reject(error);
    }, timeoutMs);
    timer.unref();
  });
  const sending = Promise.resolve().then(() => send(controller.signal));
  // the abandoned send may still reject later (e.g. with the abort): nobody is waiting for it then
  sending.catch(() => {});
  try {
    await Promise.race([sending, timedOut]);
  } finally {
    clearTimeout(timer);
  }
}
