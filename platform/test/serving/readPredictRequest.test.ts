import { expect, test } from "vitest";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import type { Field } from "../../src/envelope/Envelope.ts";
import { readPredictRequest } from "../../src/serving/readPredictRequest.ts";

const inputs: Field[] = [{ name: "x", type: "number", nullable: false }];

function problemsOf(body: unknown, maxRows = 3): { message: string; paths: string[] } {
  try {
    readPredictRequest(body, inputs, maxRows);
  } catch (error) {
    expect(error).toBeInstanceOf(EnvelopeError);
    const envelopeError = error as EnvelopeError;
    expect([envelopeError.code, envelopeError.status]).toEqual(["ENVELOPE_INVALID", 422]);
    return { message: envelopeError.shortMessage, paths: envelopeError.problems.map((problem) => problem.path) };
  }
  throw new Error("expected a 422");
}

test("returns the rows of a valid request", () => {
  const rows = [{ x: 1 }, { x: 2 }];
  expect(readPredictRequest({ rows }, inputs, 3)).toBe(rows);
});

test.each([
  // why, body, message, paths
  ["not an object", [{ x: 1 }], '1 problem in the request; expected {"rows": [...]} with 1 to 3 rows', ["(body)"]],
  ["no rows", {}, '1 problem in the request; expected {"rows": [...]} with 1 to 3 rows', ["rows"]],
  ["empty rows", { rows: [] }, '1 problem in the request; expected {"rows": [...]} with 1 to 3 rows', ["rows"]],
  ["too many rows", { rows: [{ x: 1 }, { x: 1 }, { x: 1 }, { x: 1 }] }, '1 problem in the request; expected {"rows": [...]} with 1 to 3 rows', ["rows"]],
  ["an unknown key beside rows", { rows: [{ x: 1 }], row: 1 }, '1 problem in the request; expected {"rows": [...]} with 1 to 3 rows', ["row"]],
  ["bad rows", { rows: [{ x: "1" }, {}] }, "2 problems in the rows", ["rows[0].x", "rows[1].x"]],
] as const)("%s", (_why, body, message, paths) => {
  expect(problemsOf(body)).toEqual({ message, paths });
});

test("a huge bad batch lists the first 1,000 problems and says so", () => {
  const { message, paths } = problemsOf({ rows: Array.from({ length: 1500 }, () => ({ x: "no" })) }, 2000);
  expect(message).toBe("more than 1000 problems (the first 1000 listed) in the rows");
  expect(paths).toHaveLength(1000);
});
