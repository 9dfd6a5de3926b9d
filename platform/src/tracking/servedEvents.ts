import type { CallFailure } from "./buildUsageEvent.ts";
import type { UsageEvent } from "./UsageEvent.ts";

/**
 * One request a prediction service answered, as its tracker keeps it until it is sent: a few
 * numbers, so that recording it costs the request next to nothing (the event is built at send).
 */
export interface ServedRequest {
  /** when it arrived, in ms since the epoch */
  at: number;
  durationMs: number;
  /** the rows it carried (0 when its body was refused before they were read) */
  rows: number;
  failure: CallFailure | null;
}

/** What the events of one service have in common. */
export interface ServedEventFields {
  fn: string;
  model: string;
  clientVersion: string;
  user: string | null;
  team: string | null;
}

const roundMs = (ms: number) => Math.round(ms * 1000) / 1000;

/** The usage event of a served request: the event `tracker.run(fn, [{ rows }], model, ...)` would record. Pure. */
export function servedEvent(request: ServedRequest, fields: ServedEventFields): UsageEvent {
  const { failure } = request;
  return {
    at: new Date(request.at).toISOString(),
    fn: fields.fn,
    args: [{ rows: request.rows }],
    success: failure === null,
    errorClass: failure?.errorClass ?? null,
    errorCode: failure?.errorCode ?? null,
    errorMessage: failure?.errorMessage ?? null,
    durationMs: roundMs(request.durationMs),
    user: fields.user,
    team: fields.team,
    clientVersion: fields.clientVersion,
    model: fields.model,
  };
}

const number = (value: number) => (Number.isFinite(value) ? String(value) : "null");

/**
 * The body of a POST /v1/events with the requests' `servedEvent`s, written straight from the
 * records: what the events share once, in `shared` (the service's function, identity and model,
 * and a success's empty error fields), and what each has of its own in `events` (its time,
 * rows and duration, and a failure's error). A busy service sends a few thousand a second:
 * building the objects first cost it several times more, and the full events were three times
 * the bytes for the registry to parse (BENCHMARKS.md, "Serving with usage tracking"). Pure.
 */
export function formatServedEvents(requests: readonly ServedRequest[], fields: ServedEventFields): string {
  const shared = `{"fn":${JSON.stringify(fields.fn)},"success":true,"errorClass":null,"errorCode":null,"errorMessage":null,"user":${JSON.stringify(fields.user)},"team":${JSON.stringify(fields.team)},"clientVersion":${JSON.stringify(fields.clientVersion)},"model":${JSON.stringify(fields.model)}}`;
  let body = `{"shared":${shared},"events":[`;
  // requests arrive several to a millisecond: their time is formatted once per millisecond
  let lastAt = Number.NaN;
  let lastIso = "";
  for (let index = 0; index < requests.length; index++) {
    const request = requests[index]!;
    if (request.at !== lastAt) {
      lastAt = request.at;
      lastIso = new Date(request.at).toISOString();
    }
    const { failure } = request;
    const outcome = failure === null ? "" : `,"success":false,"errorClass":${JSON.stringify(failure.errorClass)},"errorCode":${JSON.stringify(failure.errorCode)},"errorMessage":${JSON.stringify(failure.errorMessage)}`;
    body += `${index === 0 ? "" : ","}{"at":"${lastIso}","args":[{"rows":${number(request.rows)}}],"durationMs":${number(roundMs(request.durationMs))}${outcome}}`;
  }
  return `${body}]}`;
}
