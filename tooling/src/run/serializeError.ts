import type { RunError } from "../records/RunResult.ts";

/** The longest message or stack kept of a thrown value; the rest is cut, saying so. */
export const errorTextLimit = 64 * 1024;

/**
 * A thrown value as plain data, whatever was thrown: an Error, a string, an object, or a value
 * built to resist it (a Proxy whose traps throw, a `message` getter that throws, a huge text).
 * Never throws: a worker that failed to describe an error would leave its example without a
 * result, and the example would wrongly be reported as timed out.
 */
export function serializeError(value: unknown): RunError {
  let isError = false;
  try {
    isError = value instanceof Error;
  } catch {
    return { name: "object", message: "a value that cannot be inspected (a Proxy whose traps throw)" };
  }
  if (isError) {
    const error = value as Error;
    const serialized: RunError = {
      name: read(() => error.name, "Error"),
      message: read(() => error.message, "(its message could not be read: reading it threw)"),
    };
    const stack = read(() => error.stack, "");
    if (stack !== "") serialized.stack = stack;
    return serialized;
  }
  return { name: typeof value, message: typeof value === "string" ? cap(value) : describe(value) };
}

/** A property of a thrown value as text, or `fallback` when reading or printing it throws. */
function read(get: () => unknown, fallback: string): string {
  try {
    const value = get();
    if (value === undefined) return fallback;
    return cap(typeof value === "string" ? value : String(value));
  } catch {
    return fallback;
  }
}

function describe(value: unknown): string {
  try {
    return cap(JSON.stringify(value) ?? String(value));
  } catch {
    try {
      return cap(String(value));
    } catch {
      return "a value that cannot be printed";
    }
  }
}

function cap(text: string): string {
  return text.length <= errorTextLimit ? text : `${text.slice(0, errorTextLimit)}… (${text.length - errorTextLimit} more characters not kept)`;
}
