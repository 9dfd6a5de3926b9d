import { readFileSync } from "node:fs";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { UsageEvent } from "./UsageEvent.ts";
import { validateEvents } from "./validateEvents.ts";

/** The events of a JSONL usage file (from `jsonlSink`); a bad line is an error naming `file:line`. */
export function readJsonlEvents(file: string): UsageEvent[] {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    throw new EnvelopeError("ENVELOPE_CONFIG", `usage file not found: ${file}`, { cause: error });
  }
  const events: unknown[] = [];
  text.split("\n").forEach((line, index) => {
    if (line.trim() === "") return;
    try {
      events.push(JSON.parse(line));
    } catch (error) {
      throw new EnvelopeError("ENVELOPE_CONFIG", `${file}:${index + 1}: not a JSON event: ${(error as Error).message}`, { cause: error });
    }
  });
  try {
    return validateEvents(events, file);
  } catch (error) {
    throw new EnvelopeError("ENVELOPE_CONFIG", (error as Error).message, { cause: error });
  }
}
