import { describe, expect, test } from "vitest";
import { formatS3Error } from "../../src/publish/formatS3Error.ts";

describe("formatS3Error", () => {
  test.each([
    // an S3 error with a status and a message
    [Object.assign(new Error("We encountered an internal error"), { name: "InternalError", $metadata: { httpStatusCode: 500 } }), "InternalError (HTTP 500): We encountered an internal error"],
    // only the first line of a long message
    [Object.assign(new Error("Slow Down\nplease"), { name: "SlowDown", $metadata: { httpStatusCode: 503 } }), "SlowDown (HTTP 503): Slow Down"],
    // a network error without a response
    [Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:1"), { code: "ECONNREFUSED" }), "ECONNREFUSED: connect ECONNREFUSED 127.0.0.1:1"],
    // a plain error
    [new Error("assets/app.js changed while publishing"), "assets/app.js changed while publishing"],
    // not an error
    ["boom\nmore", "boom"],
  ])("%s -> %s", (error, expected) => {
    expect(formatS3Error(error)).toBe(expected);
  });
});
