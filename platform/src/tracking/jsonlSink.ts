import { mkdirSync } from "node:fs";
import { appendFile } from "node:fs/promises";
import path from "node:path";
import type { UsageSink } from "./UsageSink.ts";

/** A sink that appends one JSON line per event to `file` (created with its folder when missing). */
export function jsonlSink(file: string): UsageSink {
  return {
    async send(events) {
      mkdirSync(path.dirname(file), { recursive: true });
      await appendFile(file, events.map((event) => `${JSON.stringify(event)}\n`).join(""));
    },
  };
}
