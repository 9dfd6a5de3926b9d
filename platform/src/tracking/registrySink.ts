import { createTransport } from "../client/createTransport.ts";
import type { UsageSink } from "./UsageSink.ts";

/** A sink that posts events to a registry's `POST /v1/events` with a token (as the client does); aborted with the send. */
export function registrySink(options: { url: string; token: string; fetch?: typeof fetch }): UsageSink {
  const request = createTransport(options);
  return { send: (events, signal) => request("POST", "/v1/events", { json: { events }, ...(signal ? { signal } : {}) }) };
}
