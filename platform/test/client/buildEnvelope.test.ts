import { expect, test } from "vitest";
import { buildEnvelope } from "../../src/client/buildEnvelope.ts";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";

const context = { node: "v20.0.0", packages: {} };
const rows = { inputs: [{ x: 1 }], outputs: [{ y: 1 }] };

test("a JSON artifact JSON would alter is refused before it is sent, naming where (issue 15, finding 7)", () => {
  let error: unknown;
  try {
    buildEnvelope({ name: "weights", artifact: { weights: [0.5, Infinity], at: new Date(0) }, ...rows }, context);
  } catch (thrown) {
    error = thrown;
  }
  expect(error).toBeInstanceOf(EnvelopeError);
  expect((error as EnvelopeError).code).toBe("ENVELOPE_INVALID");
  expect((error as EnvelopeError).shortMessage).toBe("2 problems in the artifact of weights: it would not come back as saved");
  expect((error as EnvelopeError).problems.map((problem) => problem.path)).toEqual(["artifact.weights[1]", "artifact.at"]);
});

test("a JSON artifact JSON keeps, and bytes, go as they are", () => {
  expect(buildEnvelope({ name: "weights", artifact: { weights: [0.5, -0.25] }, ...rows }, context).function.artifact).toEqual({ encoding: "json", data: { weights: [0.5, -0.25] } });
  expect(buildEnvelope({ name: "bytes", artifact: new Uint8Array([1, 2]), ...rows }, context).function.artifact).toEqual({ encoding: "base64", data: "AQI=" });
});
