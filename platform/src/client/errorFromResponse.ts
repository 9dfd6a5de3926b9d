import { EnvelopeError, type EnvelopeErrorCode } from "../errors/EnvelopeError.ts";
import { isRecord } from "../envelope/Checks.ts";
import type { Problem } from "../errors/Problem.ts";

/**
 * The `EnvelopeError` of a registry's 4xx/5xx answer: the server's code, status, problems and
 * details, its message naming the request (`POST /v1/events: 500 ENVELOPE_SERVER: ...`); a body
 * that is not the registry's error JSON gives its first 200 characters or the status text.
 */
export function errorFromResponse(method: string, path: string, status: number, statusText: string, text: string): EnvelopeError {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  const error = isRecord(body) && isRecord(body["error"]) ? body["error"] : {};
  const code = (typeof error["code"] === "string" ? error["code"] : status >= 500 ? "ENVELOPE_SERVER" : "ENVELOPE_INVALID") as EnvelopeErrorCode;
  const message = typeof error["message"] === "string" ? error["message"] : text.slice(0, 200) || statusText;
  const problems = Array.isArray(error["problems"]) ? (error["problems"] as Problem[]) : [];
  const { code: _code, status: _status, message: _message, problems: _problems, ...details } = error;
  return new EnvelopeError(code, `${method} ${path}: ${status} ${code}: ${message}`, { status, problems, details });
}
