import { describe, expect, test } from "vitest";
import { reportCommandError } from "../../src/cli/reportCommandError.ts";
import { ExemplarError } from "../../src/errors/ExemplarError.ts";
import { captureIo } from "../publish/helpers/captureIo.ts";

function report(error: unknown, options?: { json?: boolean; helpHint?: boolean }) {
  const io = captureIo("/", {});
  const code = reportCommandError("publish", error, io, options);
  return { code, stdout: io.out.join(""), stderr: io.err.join("") };
}

describe("reportCommandError", () => {
  test("prints the line and its detail on stderr and returns the table's exit code", () => {
    const error = new ExemplarError("EXEMPLAR_CONFIG_INVALID", "c.ts: invalid config:\n  - `jobs` must be a positive whole number, got 0");
    expect(report(error)).toEqual({ code: 2, stdout: "", stderr: "exemplar publish: c.ts: invalid config:\n  - `jobs` must be a positive whole number, got 0\n" });
  });

  test("with json, prints the error object on stdout with the same code and line", () => {
    const error = new ExemplarError("EXEMPLAR_PUBLISH_REMOTE", 'S3 request for bucket "site" failed: SlowDown (HTTP 503)');
    const run = report(error, { json: true });
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('exemplar publish: S3 request for bucket "site" failed: SlowDown (HTTP 503)\n');
    expect(JSON.parse(run.stdout)).toEqual({ ok: false, error: { code: "EXEMPLAR_PUBLISH_REMOTE", message: 'exemplar publish: S3 request for bucket "site" failed: SlowDown (HTTP 503)' } });
  });

  test("with json, an unexpected error is UNEXPECTED, exit 2", () => {
    const run = report(new RangeError("bad"), { json: true });
    expect(run.code).toBe(2);
    expect(JSON.parse(run.stdout)).toEqual({ ok: false, error: { code: "UNEXPECTED", message: "exemplar publish: unexpected error: RangeError: bad" } });
  });

  test.each([
    // a usage error that does not point to --help gets the pointer
    { message: "missing --dir: expected the built site folder", hint: true },
    // one that already does (parseFlags) does not get it twice
    { message: "exemplar publish: Unknown option '--x' (see `exemplar publish --help`)", hint: false },
  ])("with helpHint, a usage error: $message", ({ message, hint }) => {
    const run = report(new ExemplarError("EXEMPLAR_USAGE", message), { helpHint: true });
    expect(run.stderr.endsWith("run `exemplar publish --help` for the options\n")).toBe(hint);
    expect(report(new ExemplarError("EXEMPLAR_USAGE", message)).stderr).not.toContain("for the options");
  });
});
