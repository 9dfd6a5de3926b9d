import type { Example, Expectation } from "../records/Example.ts";
import { outputLimitBytes, type RunError, type RunResult } from "../records/RunResult.ts";
import { inlineFailures } from "./inlineFailures.ts";
import { formatLineDiff } from "./lineDiff.ts";
import { matchLine } from "./matchLine.ts";
import { matchRegexBounded, regexTimeoutMs } from "./matchRegexBounded.ts";
import { outputLines } from "./outputLines.ts";
import { unorderedMismatch } from "./unorderedMismatch.ts";
import type { Failure, Verdict } from "../records/Verdict.ts";

/**
 * Judges one run against the example's expectations. Pure: the same example and result always
 * give the same verdict, but for a regex that runs near its time bound (`regexTimeoutMs`), which
 * fails the example instead of stalling the run.
 */
export function checkExample(example: Example, result: RunResult): Verdict {
  const warnings = result.lateOutput.map(
    (text) => `${example.key} wrote after it settled (a timer or callback outlived it): ${JSON.stringify(text.trimEnd())}`,
  );
  if (result.status === "skipped") return { example, result, status: "skipped", failures: [], warnings };

  // its file did not load, so the example never ran: what it printed is beside the point
  if (result.importing !== undefined) return { example, result, status: "failed", failures: [importFailure(result, result.importing)], warnings };
  const failures: Failure[] = [];
  failures.push(...endFailures(example, result));
  const actual = outputLines(result.stdout);
  const stdout = result.stdout.replace(/\r\n?/g, "\n");
  const stdoutExpectation = example.expectations.find((expectation) => expectation.kind !== "error");
  if (result.stdoutTruncatedBytes !== undefined && stdoutExpectation) {
    // the worker kept only the first `outputLimitBytes`: checking a cut text could pass or fail wrongly
    const total = Buffer.byteLength(result.stdout) + result.stdoutTruncatedBytes;
    failures.push({
      kind: "stdout",
      expectation: stdoutExpectation,
      message: `stdout was ${total} bytes, more than the ${outputLimitBytes} bytes Exemplar keeps of an example's output; print less, or check a summary of it`,
    });
  } else {
    for (const expectation of example.expectations) {
      const failure = checkStdout(expectation, actual, stdout);
      if (failure) failures.push(failure);
    }
  }
  failures.push(...inlineFailures(example, result));
  for (const rejection of result.unhandledRejections) {
    failures.push({ kind: "unhandled-rejection", message: `unhandled promise rejection: ${describeError(rejection)}` });
  }
  for (const exception of result.uncaughtExceptions) {
    failures.push({ kind: "uncaught-exception", message: `uncaught exception outside the example's promise: ${describeError(exception)}` });
  }
  if (result.leftRunning !== undefined) {
    failures.push({ kind: "left-running", message: `after it returned, what it left running ${result.leftRunning}; end the timers, servers and processes an example starts before it returns` });
  }
  return { example, result, status: failures.length === 0 ? "passed" : "failed", failures, warnings };
}

function timeoutMessage({ durationMs, stalled }: RunResult): string {
  switch (stalled?.state) {
    case "running":
      return `timed out after ${durationMs} ms with its code still running (an endless loop?); set @timeout MS if it needs longer`;
    case "waiting":
      return `timed out after ${durationMs} ms, still waiting on ${stalled.waitingOn.join(", ")} (set @timeout MS to allow longer)`;
    case "idle":
      return `never settled: after ${durationMs} ms it was awaiting a promise that nothing it started could settle (no timer, socket or process of its was pending)`;
    default:
      return `timed out after ${durationMs} ms (set @timeout MS to allow longer)`;
  }
}

/** The run ended while the example's file was imported: its top-level code is to blame. */
function importFailure(result: RunResult, file: string): Failure {
  switch (result.status) {
    case "timeout":
      return { kind: "timeout", message: `${file} did not finish loading: its top-level code ran past the ${result.durationMs} ms timeout (an endless loop, or a wait at the top level?)` };
    case "exit":
      return { kind: "exit", message: `${file} called process.exit(${result.exitCode ?? ""}) in its top-level code; a file of examples must not exit` };
    case "threw":
      return { kind: "threw", message: `${file} threw in its top-level code, so none of its examples can run: ${describeError(result.error!)}` };
    default:
      return { kind: "crashed", message: `the worker crashed while ${file} was loading${result.error ? `: ${result.error.message}` : ""}` };
  }
}

/** Failures from how the run ended, given whether an error was expected. */
function endFailures(example: Example, result: RunResult): Failure[] {
  const expectedError = example.expectations.find((expectation) => expectation.kind === "error");
  switch (result.status) {
    case "timeout":
      return [{ kind: "timeout", message: timeoutMessage(result) }];
    case "exit":
      return [{ kind: "exit", message: `called process.exit(${result.exitCode ?? ""}); examples must return instead` }];
    case "crashed":
      return [{ kind: "crashed", message: `its worker crashed${result.error ? `: ${result.error.message}` : ""}` }];
    case "threw": {
      const error = result.error!;
      if (!expectedError) return [{ kind: "threw", message: `threw ${describeError(error)}` }];
      const failure = errorFailure(expectedError, error);
      return failure ? [failure] : [];
    }
    default:
      if (!expectedError) return [];
      return [{ kind: "error", expectation: expectedError, message: `expected an error matching ${expectedError.source}, but it returned normally` }];
  }
}

function checkStdout(expectation: Expectation, actual: string[], stdout: string): Failure | undefined {
  switch (expectation.kind) {
    case "exact": {
      const equal = expectation.lines.length === actual.length &&
        expectation.lines.every((line, index) => matchLine(line, actual[index]!));
      if (equal) return undefined;
      return { kind: "stdout", expectation, message: "stdout does not match @expect", diff: formatLineDiff(expectation.lines, actual) };
    }
    case "unordered": {
      const missing = unorderedMismatch(expectation.lines, actual);
      if (!missing) return undefined;
      return {
        kind: "stdout",
        expectation,
        message: "stdout does not match @expectUnordered (same lines in any order)",
        diff: formatLineDiff([...expectation.lines].sort(), [...actual].sort()),
      };
    }
    case "contains":
      if (stdout.includes(expectation.text)) return undefined;
      return { kind: "stdout", expectation, message: `stdout does not contain ${JSON.stringify(expectation.text)}` };
    case "match": {
      const outcome = matchRegexBounded(expectation.pattern, stdout);
      if (outcome === "matched") return undefined;
      if (outcome === "timed-out") return { kind: "stdout", expectation, message: regexTimedOut(expectation.source, stdout, "output") };
      return { kind: "stdout", expectation, message: `stdout does not match ${expectation.source}` };
    }
    case "error":
      return undefined;
  }
}

/** Why the thrown error does not meet `@expectError`, if it does not. */
function errorFailure(expectation: Expectation & { kind: "error" }, error: RunError): Failure | undefined {
  const outcome = expectation.pattern
    ? matchRegexBounded(expectation.pattern, error.message)
    : error.message.includes(expectation.source) ? "matched" : "unmatched";
  if (outcome === "matched") return undefined;
  if (outcome === "timed-out") return { kind: "error", expectation, message: regexTimedOut(expectation.source, error.message, "the error message") };
  return { kind: "error", expectation, message: `expected an error matching ${expectation.source}, but it threw ${describeError(error)}` };
}

function regexTimedOut(source: string, text: string, what: string): string {
  return `the regex ${source} took longer than ${regexTimeoutMs} ms on ${text.length} characters of ${what}`;
}

function describeError(error: RunError): string {
  return `${error.name}: ${error.message}`;
}
