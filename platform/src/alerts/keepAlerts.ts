import type { AlertRecord } from "../store/DashboardStore.ts";

/** An alerter's `record`, handing each alert on to be kept, and a wait for every one so far. */
export interface AlertKeeper {
  record: (alert: AlertRecord) => void;
  /** resolves once every alert recorded so far was kept or refused (told to `onError`) */
  settled: () => Promise<void>;
}

/**
 * Keeps the alerts an alerter posted (`createAlerter`'s `record`) with `keep`, e.g. a
 * `POST /v1/alerts`, as each is reported; one `keep` refuses goes to `onError`, never to the
 * alerter. `settled` lets a client's `flush` or a command's exit wait for them.
 */
export function keepAlerts(keep: (alert: AlertRecord) => Promise<unknown>, onError: (error: unknown) => void): AlertKeeper {
  const pending = new Set<Promise<void>>();
  return {
    record(alert) {
      const keeping: Promise<void> = Promise.resolve()
        .then(() => keep(alert))
        .then(() => {}, onError)
        .finally(() => pending.delete(keeping));
      pending.add(keeping);
    },
    async settled() {
      while (pending.size > 0) await Promise.all([...pending]);
    },
  };
}
