import { EnvelopeError } from "../errors/EnvelopeError.ts";

/**
 * Splits a raw request target into decoded path segments and query. Unlike `new URL`, it never
 * resolves `.` or `..`, so `/v1/models/../x` reaches the name check as the name `..` and is refused
 * there instead of silently becoming another path.
 */
export function splitPath(target: string): { segments: string[]; query: URLSearchParams } {
  const mark = target.indexOf("?");
  const pathPart = mark === -1 ? target : target.slice(0, mark);
  const query = new URLSearchParams(mark === -1 ? "" : target.slice(mark + 1));
  const segments = pathPart.split("/").slice(1).map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch (error) {
      throw new EnvelopeError("ENVELOPE_INVALID", `path segment ${JSON.stringify(segment)} is not valid percent-encoding`, { cause: error, problems: [{ path: "(path)", expected: "valid percent-encoded UTF-8", got: segment }] });
    }
  });
  return { segments, query };
}
