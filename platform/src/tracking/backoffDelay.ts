import type { TrackingLimits } from "./TrackingLimits.ts";

/**
 * How long to wait before sending again after `failures` failures in a row: exponential with
 * jitter, a random time between half and all of min(backoffMaxMs, backoffMs * 2^(failures - 1)),
 * so that many clients that failed together do not retry together. Pure given `random`.
 */
export function backoffDelay(failures: number, limits: Pick<TrackingLimits, "backoffMs" | "backoffMaxMs">, random: () => number = Math.random): number {
  const ceiling = Math.min(limits.backoffMaxMs, limits.backoffMs * 2 ** Math.max(0, failures - 1));
  return Math.round(ceiling / 2 + (random() * ceiling) / 2);
}
