import { outputLimitBytes, type RunResult } from "../records/RunResult.ts";

const limit = outputLimitBytes % (1024 * 1024) === 0 ? `${outputLimitBytes / (1024 * 1024)} MB` : `${outputLimitBytes} bytes`;

/** A stream of which the worker kept only the first `outputLimitBytes`, and a sentence saying so. */
export interface TruncationNotice {
  stream: "stdout" | "stderr" | "late";
  message: string;
}

/**
 * A notice for each output stream of a run that the worker did not keep whole, naming the
 * example, the stream and the bytes written and left out, e.g. `stdout of a.big was 5242880
 * bytes, more than the 1 MB Exemplar keeps; its last 4194304 bytes are not in this report`.
 * None for a run whose output was kept whole. Pure.
 */
export function truncationNotices(result: RunResult): TruncationNotice[] {
  const notices: TruncationNotice[] = [];
  const notice = (stream: TruncationNotice["stream"], what: string, kept: string, truncatedBytes: number | undefined) => {
    if (!truncatedBytes) return;
    const total = Buffer.byteLength(kept) + truncatedBytes;
    const left = truncatedBytes === 1 ? "1 byte is" : `${truncatedBytes} bytes are`;
    notices.push({ stream, message: `${what} was ${total} bytes, more than the ${limit} Exemplar keeps; its last ${left} not in this report` });
  };
  notice("stdout", `stdout of ${result.key}`, result.stdout, result.stdoutTruncatedBytes);
  notice("stderr", `stderr of ${result.key}`, result.stderr, result.stderrTruncatedBytes);
  notice("late", `what ${result.key} wrote after it settled`, result.lateOutput.join(""), result.lateOutputTruncatedBytes);
  return notices;
}
