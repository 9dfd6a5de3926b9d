import type { UsageEvent } from "./UsageEvent.ts";

/** Where usage events go: the registry's events endpoint, a JSONL file, or your own. */
export interface UsageSink {
  send(events: UsageEvent[]): Promise<void>;
}
