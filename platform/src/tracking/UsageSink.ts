import type { UsageEvent } from "./UsageEvent.ts";

/**
 * Where usage events go: the registry's events endpoint, a JSONL file, or your own. `send` gets
 * up to `batchSize` events; `signal` aborts when tracking gives up on the send (after
 * `timeoutMs`), and a send that ignores it is abandoned all the same.
 */
export interface UsageSink {
  send(events: UsageEvent[], signal?: AbortSignal): Promise<void>;
  /**
   * Optional: the same as `send`, the events given as the JSON text `{"events":[...]}` (a
   * prediction service writes its events' text straight from what it kept of each request). A
   * sink that posts JSON takes it as it is; without it, `send` gets the events.
   */
  sendJson?(body: string, signal?: AbortSignal): Promise<void>;
}
