import type { RunError } from "../records/RunResult.ts";

/** A thrown value as plain data, whatever was thrown. */
export function serializeError(value: unknown): RunError {
  if (value instanceof Error) {
    const error: RunError = { name: value.name, message: value.message };
    if (value.stack !== undefined) error.stack = value.stack;
    return error;
  }
  return { name: typeof value, message: typeof value === "string" ? value : safeString(value) };
}

function safeString(value: unknown): string {
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}
