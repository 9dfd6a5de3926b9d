import type { UsageEvent } from "./UsageEvent.ts";

/**
 * Where usage events go: the registry's events endpoint, a JSONL file, or your own. `send` gets
 * up to `batchSize` events; `signal` aborts when tracking gives up on the send (after
 * `timeoutMs`), and a send that ignores it is abandoned all the same.
 */
export interface UsageSink {
  send(events: UsageEvent[], signal?: AbortSignal): Promise<void>;
  /**
   * Optional: the same as `send`, the events given as the JSON text of a POST /v1/events body
   * (a prediction service writes it straight from what it kept of each request): `{"shared":
   * {...}, "events": [...]}`, each event being `shared` with its own fields over it. A sink that
   * posts to a registry takes it as it is; without it, `send` gets the events.
   */
  sendJson?(body: string, signal?: AbortSignal): Promise<void>;
}
