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
 * `{"events":[...]}` of the requests, the very text `JSON.stringify({ events })` gives for their
 * `servedEvent`s, written straight from the records: a busy service sends a thousand of them a
 * few times a second, and building the objects first costs it several times more. Pure.
 */
export function formatServedEvents(requests: readonly ServedRequest[], fields: ServedEventFields): string {
  const head = `,"fn":${JSON.stringify(fields.fn)},"args":[{"rows":`;
  const tail = `,"user":${JSON.stringify(fields.user)},"team":${JSON.stringify(fields.team)},"clientVersion":${JSON.stringify(fields.clientVersion)},"model":${JSON.stringify(fields.model)}}`;
  let body = '{"events":[';
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
    const outcome = failure === null ? '"success":true,"errorClass":null,"errorCode":null,"errorMessage":null' : `"success":false,"errorClass":${JSON.stringify(failure.errorClass)},"errorCode":${JSON.stringify(failure.errorCode)},"errorMessage":${JSON.stringify(failure.errorMessage)}`;
    body += `${index === 0 ? "" : ","}{"at":"${lastIso}"${head}${number(request.rows)}}],${outcome},"durationMs":${number(roundMs(request.durationMs))}${tail}`;
  }
  return `${body}]}`;
}
