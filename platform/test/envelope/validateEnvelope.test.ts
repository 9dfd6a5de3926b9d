import { describe, expect, test } from "vitest";
import { validateEnvelope } from "../../src/envelope/validateEnvelope.ts";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { envelopeBody } from "../support/models.ts";

function problemsOf(value: unknown): string[] {
  try {
    validateEnvelope(value);
    return [];
  } catch (error) {
    expect(error).toBeInstanceOf(EnvelopeError);
    return (error as EnvelopeError).problems.map((problem) => `${problem.path}: ${problem.expected}${problem.got === undefined ? "" : ` (${problem.got})`}`);
  }
}

describe("validateEnvelope", () => {
  test("accepts a complete envelope and returns it", () => {
    const body = envelopeBody();
    expect(validateEnvelope(body)).toBe(body);
  });

  test.each([
    // the body itself
    ["a non-object body", null, ["(body): an object (null)"]],
    // every missing part at once
    ["an empty object", {}, ["function: an object (nothing)", "context: an object (nothing)", "data: an object (nothing)", "tags: an object (nothing)"]],
    // a typo'd field is named
    ["an unknown field", { ...envelopeBody(), tgas: {} }, ["tgas: no such field (known: description, function, context, data, tags)"]],
    // artifacts
    ["bad base64", envelopeBody({ function: { artifact: { encoding: "base64", data: "not base64!" }, shape: envelopeBody().function.shape } }), ['function.artifact.data: base64 text ("not base64!")']],
    ["a missing json artifact", envelopeBody({ function: { artifact: { encoding: "json" } as never, shape: envelopeBody().function.shape } }), ["function.artifact.data: any JSON value (the model's state) (nothing)"]],
    // shapes
    ["duplicate field names", envelopeBody({ function: { artifact: { encoding: "json", data: 1 }, shape: { inputs: [{ name: "x", type: "number", nullable: false }, { name: "x", type: "string", nullable: true }], outputs: [] } } }), ['function.shape.inputs[1].name: a name not used by another field ("x")', "function.shape.outputs: at least one field ([])"]],
    // context
    ["a bad node version and package version", envelopeBody({ context: { node: "twenty", packages: { pg: 8 as never } } }), ['context.node: a Node version like v20.19.0 ("twenty")', "context.packages.pg: a version string (8)"]],
    // features
    ["a negative count", envelopeBody({ data: { features: { x: { type: "string", count: -1, nulls: 0, distinct: 1 } }, metrics: [] } }), ["data.features.x.count: a count (a whole number >= 0) (-1)"]],
    // tags: reserved keys, bad keys, control characters, long values
    ["bad tags", envelopeBody({ tags: { name: "x", "a b": "y", c: "line\nbreak", d: "x".repeat(300) } }), [
      "tags.name: a key of your own: name, description, owner, team are set by the platform",
      "tags.a b: a tag key (letters or digits, then '_', '.', '-'; at most 64) (\"a b\")",
      'tags.c: a string without control characters ("line\\nbreak")',
      "tags.d: a string of at most 256 characters (300 characters)",
    ]],
  ])("lists every problem of %s", (_why, value, expected) => {
    expect(problemsOf(value)).toEqual(expected);
  });

  test("the error's message lists each problem on its own line", () => {
    expect(() => validateEnvelope({ ...envelopeBody(), tags: { team: "x" } })).toThrow(/^1 problem in the envelope\n  - tags\.team: expected a key of your own/);
  });
});
