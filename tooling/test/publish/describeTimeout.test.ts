import { describe, expect, test } from "vitest";
import { describeTimeout } from "../../src/publish/describeTimeout.ts";

const timeout = (message: string, attempts?: number) => Object.assign(new Error(message), { name: "TimeoutError", ...(attempts === undefined ? {} : { $metadata: { attempts } }) });

describe("describeTimeout", () => {
  test.each([
    // the socket idle timeout: taken, never answered
    [timeout("@smithy/node-http-handler - the request socket timed out after 30000 ms of inactivity (configured by client requestHandler).", 3), "no answer: nothing received for 30 s, 3 attempts"],
    // the whole-request timeout: a server that trickles
    [timeout("@smithy/node-http-handler - [ERROR] a request has exceeded the configured 300000 ms requestTimeout.", 1), "no answer: not done within 300 s, 1 attempt"],
    // a message of another shape, without retry metadata
    [timeout("Request timed out"), "no answer"],
    // a connection never made is an unreachable endpoint, described elsewhere
    [timeout("@smithy/node-http-handler - the request socket did not establish a connection with the server within the configured timeout of 10000 ms."), undefined],
    // not a timeout
    [Object.assign(new Error("We encountered an internal error"), { name: "InternalError" }), undefined],
    ["TimeoutError", undefined],
  ])("%s -> %s", (error, expected) => {
    expect(describeTimeout(error)).toBe(expected);
  });
});
