import { inspect, isDeepStrictEqual } from "node:util";
import vm from "node:vm";
import type { InlineMismatch } from "../records/InlineOutcome.ts";
import { matchLine } from "./matchLine.ts";

/** The most characters of a value's text that are compared or kept. */
export const inlineTextLimit = 4096;

// bounds util.inspect's own work: a huge array or string is cut by inspect, not after it
const inspectOptions = { depth: 6, breakLength: Infinity, compact: true, maxArrayLength: 100, maxStringLength: 1000 } as const;

/** VALUE compiled once per text: a `//=>` in a loop is read once, evaluated each time */
const compiled = new Map<string, vm.Script | "not an expression">();

/**
 * Compares what a statement produced (its value, or what `console.log` logged: `kind`) with the
 * text after its `//=>`. VALUE is read as a JavaScript expression in this realm and compared by
 * deep equality (`util.isDeepStrictEqual`); when it is not an expression, with the value's text
 * on one line (util.inspect; a logged string as printed), `{...}` standing for any text and runs
 * of blanks for one. Never throws: what goes wrong is a mismatch, and what it keeps is bounded.
 */
export function compareInlineValue(value: unknown, expected: string, kind: "value" | "logged"): InlineMismatch | undefined {
  const script = compiledValue(expected);
  if (script === "not an expression") {
    const text = textOf(value, kind);
    if (text === undefined) return mismatch("compare-threw", value, { error: describe(inspectError(value)) });
    if (text.length > inlineTextLimit) return mismatch("too-long", value);
    return matchLine(squeeze(expected), squeeze(text)) ? undefined : mismatch("text", value);
  }
  let wanted: unknown;
  try {
    wanted = script.runInThisContext();
  } catch (error) {
    return mismatch("expected-threw", value, { error: describe(error) });
  }
  try {
    if (isDeepStrictEqual(value, wanted)) return undefined;
  } catch (error) {
    return mismatch("compare-threw", value, { error: describe(error) });
  }
  return mismatch("unequal", value);
}

function compiledValue(expected: string): vm.Script | "not an expression" {
  let script = compiled.get(expected);
  if (script === undefined) {
    try {
      // the newline ends a `//` comment after the value
      script = new vm.Script(`(${expected}\n)`, { filename: "//=> value" });
    } catch {
      script = "not an expression";
    }
    compiled.set(expected, script);
  }
  return script;
}

function mismatch(reason: InlineMismatch["reason"], value: unknown, extra: { error?: string } = {}): InlineMismatch {
  const found: InlineMismatch = { reason, actual: cut(textOf(value, "value") ?? `(util.inspect threw ${describe(inspectError(value))})`), ...extra };
  if (isPromise(value)) found.promise = true;
  return found;
}

// what Node's async bookkeeping adds to a promise made while async hooks run (as in a worker,
// whose context store inspects as `[exemplar capture]`): not the example's value
const asyncBookkeeping = /, \[Symbol\(async_id_symbol\)\]: \d+, \[Symbol\(trigger_async_id_symbol\)\]: \d+(?:, \[Symbol\(kResourceStore\)\]: \[exemplar capture\])?/g;

/** the value's text on one line, or undefined when util.inspect throws on it */
function textOf(value: unknown, kind: "value" | "logged"): string | undefined {
  if (kind === "logged" && typeof value === "string") return value;
  try {
    return inspect(value, inspectOptions).replace(asyncBookkeeping, "");
  } catch {
    return undefined;
  }
}

function inspectError(value: unknown): unknown {
  try {
    inspect(value, inspectOptions);
    return undefined;
  } catch (error) {
    return error;
  }
}

function cut(text: string): string {
  if (text.length <= inlineTextLimit) return text;
  const notice = `… (${text.length} characters in all)`;
  return text.slice(0, inlineTextLimit - notice.length) + notice;
}

function squeeze(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

function isPromise(value: unknown): boolean {
  try {
    return value instanceof Promise;
  } catch {
    return false;
  }
}

/** `Name: message` of a thrown value, whatever it is */
function describe(error: unknown): string {
  try {
    if (error instanceof Error) return cut(`${error.name}: ${error.message}`);
    return cut(`${typeof error === "string" ? error : inspect(error, inspectOptions)}`);
  } catch {
    return "a value that cannot be described";
  }
}
