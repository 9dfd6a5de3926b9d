import type { EnvelopeInput } from "../../src/envelope/Envelope.ts";
import type { NewModel } from "../../src/store/Store.ts";

/** A valid wire envelope for HTTP tests; override any part. */
export function envelopeBody(overrides: Partial<EnvelopeInput> = {}): EnvelopeInput {
  return {
    description: "test model",
    function: { artifact: { encoding: "json", data: { weights: [1, 2, 3] } }, shape: { inputs: [{ name: "x", type: "number", nullable: false }], outputs: [{ name: "y", type: "number", nullable: false }] } },
    context: { node: "v20.19.0", packages: { pg: "8.23.1" } },
    data: { features: { x: { type: "number", count: 2, nulls: 0, min: 1, max: 2, mean: 1.5 } }, metrics: [{ name: "auc", kind: "scalar", value: 0.9 }] },
    tags: { region: "us" },
    ...overrides,
  };
}

/** A model version for store tests. */
export function newModel(name: string, team: string, tags: Record<string, string> = {}): NewModel {
  return {
    name,
    owner: `${team}-user`,
    team,
    description: "",
    createdAt: new Date().toISOString(),
    tags: { ...tags, name, team, owner: `${team}-user`, description: "" },
    shape: { inputs: [{ name: "x", type: "number", nullable: false }], outputs: [{ name: "y", type: "number", nullable: false }] },
    context: { node: "v20.19.0", packages: {} },
    features: {},
    metrics: [{ name: "auc", kind: "scalar", value: 0.5 }],
    artifact: { mediaType: "application/json", size: 2, sha256: "0".repeat(64) },
  };
}
