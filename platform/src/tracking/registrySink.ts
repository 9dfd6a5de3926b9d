import { createJsonPoster } from "../client/createJsonPoster.ts";
import { createTransport } from "../client/createTransport.ts";
import type { UsageSink } from "./UsageSink.ts";

/**
 * A sink that posts events to a registry's `POST /v1/events` with a token (as the client does);
 * aborted with the send. Through node:http with a keep-alive connection, or through `fetch` when
 * one is given (a test's, a proxy's).
 */
export function registrySink(options: { url: string; token: string; fetch?: typeof fetch }): UsageSink {
  if (options.fetch) {
    const request = createTransport(options);
    return { send: (events, signal) => request("POST", "/v1/events", { json: { events }, ...(signal ? { signal } : {}) }) };
  }
  const post = createJsonPoster(options);
  return { send: (events, signal) => post("/v1/events", JSON.stringify({ events }), signal), sendJson: (body, signal) => post("/v1/events", body, signal) };
}
