import type { FromWorker } from "./protocol.ts";
import { CappedOutput } from "./CappedOutput.ts";

type LateMessage = Extract<FromWorker, { type: "late" }>;

interface Unsent {
  /** everything kept of the example's late output, both streams together, under one limit */
  kept: CappedOutput;
  text: string;
  truncatedSent: number;
}

/**
 * What examples write after they settled, as the worker sends it to the pool: at most
 * `outputLimitBytes` per example (the rest counted, as `truncatedBytes`), and one message per
 * example per turn of the event loop rather than one per write, since a stray timer writing in
 * a loop would otherwise cost a message, and a warning in the report, for every write.
 */
export class LateOutputQueue {
  private readonly byKey = new Map<string, Unsent>();
  private readonly waiting = new Set<string>();

  constructor(private readonly send: (message: LateMessage) => void) {}

  write(key: string, text: string): void {
    let unsent = this.byKey.get(key);
    if (!unsent) {
      unsent = { kept: new CappedOutput(), text: "", truncatedSent: 0 };
      this.byKey.set(key, unsent);
    }
    unsent.text += unsent.kept.append(text);
    if (this.waiting.size === 0) setImmediate(() => this.flush());
    this.waiting.add(key);
  }

  /** Sends what was written since the last flush; the worker calls it before it exits too. */
  flush(): void {
    for (const key of this.waiting) {
      const unsent = this.byKey.get(key)!;
      const truncatedBytes = unsent.kept.truncatedBytes - unsent.truncatedSent;
      if (unsent.text || truncatedBytes > 0) {
        this.send({
          type: "late", key,
          ...(unsent.text ? { output: unsent.text } : {}),
          ...(truncatedBytes > 0 ? { truncatedBytes } : {}),
        });
      }
      unsent.text = "";
      unsent.truncatedSent = unsent.kept.truncatedBytes;
    }
    this.waiting.clear();
  }
}
