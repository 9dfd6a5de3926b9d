import type { UsageEvent } from "./UsageEvent.ts";

/**
 * Where usage events go: the registry's events endpoint, a JSONL file, or your own. `send` gets
 * up to `batchSize` events; `signal` aborts when tracking gives up on the send (after
 * `timeoutMs`), and a send that ignores it is abandoned all the same.
 */
export interface UsageSink {
  send(events: UsageEvent[], signal?: AbortSignal): Promise<void>;
}
