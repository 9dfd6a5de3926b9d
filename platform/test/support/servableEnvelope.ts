import { createHash } from "node:crypto";
import type { SavedEnvelope } from "../../src/envelope/Envelope.ts";

/**
 * A linear model `y = slope * x + intercept` with misbehaviours on cue, for the reliability
 * tests: x = -1 throws, -2 hangs, -3 exits its worker, -4 crashes it from a callback, -5 answers
 * off the shape. Plain JavaScript, as `bundleCustomCode` would produce.
 */
export const linearSource = `
export async function predict(rows, state) {
  if (rows.some((row) => row.x === -4)) return new Promise(() => setImmediate(() => { throw new Error("callback boom"); }));
  return rows.map((row) => {
    if (row.x === -1) throw new RangeError("x must not be -1");
    if (row.x === -2) for (;;) {}
    if (row.x === -3) process.exit(3);
    if (row.x === -5) return { y: "high" };
    return { y: state.slope * row.x + state.intercept };
  });
}
`;

/** A saved envelope around `source` (default: the linear model) on this Node; override any part. */
export function servableEnvelope(source = linearSource, overrides: Partial<SavedEnvelope> = {}): SavedEnvelope {
  return {
    name: "linear",
    version: 3,
    owner: "ada",
    team: "churn",
    description: "y = 2x + 1",
    createdAt: "2030-01-01T00:00:00.000Z",
    function: {
      artifact: { mediaType: "application/json", size: 26, sha256: "0".repeat(64) },
      shape: {
        inputs: [
          { name: "x", type: "number", nullable: false },
          { name: "plan", type: "string", nullable: false },
          { name: "visits", type: "integer", nullable: true },
        ],
        outputs: [{ name: "y", type: "number", nullable: false }],
      },
    },
    context: { node: process.version, packages: {}, code: { entry: "model.ts", format: "esm", code: source, sha256: createHash("sha256").update(source).digest("hex") } },
    data: { features: { x: { type: "number", count: 3, nulls: 0, min: 0, max: 10, mean: 5 }, plan: { type: "string", count: 3, nulls: 0, distinct: 2 }, visits: { type: "integer", count: 2, nulls: 1, min: 1, max: 5, mean: 3 } }, metrics: [] },
    tags: { name: "linear", owner: "ada", team: "churn", description: "y = 2x + 1" },
    ...overrides,
  };
}

export const linearState = { slope: 2, intercept: 1 };
