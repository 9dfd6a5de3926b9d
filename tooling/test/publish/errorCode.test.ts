import { describe, expect, test } from "vitest";
import { errorCode } from "../../src/publish/errorCode.ts";

describe("errorCode", () => {
  test.each([
    // Node network errors carry a code
    [Object.assign(new Error("x"), { code: "ECONNREFUSED" }), "ECONNREFUSED"],
    // AggregateError from happy eyeballs: the first inner code
    [new AggregateError([new Error("plain"), Object.assign(new Error("x"), { code: "ETIMEDOUT" })], ""), "ETIMEDOUT"],
    // SDK service errors are named after the S3 code
    [Object.assign(new Error("x"), { name: "NoSuchBucket" }), "NoSuchBucket"],
    // a plain Error has no code
    [new Error("x"), ""],
  ])("%s -> %s", (error, expected) => {
    expect(errorCode(error)).toBe(expected);
  });
});
