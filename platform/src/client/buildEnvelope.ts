import { assertNoProblems, EnvelopeError } from "../errors/EnvelopeError.ts";
import { Checks } from "../envelope/Checks.ts";
import { checkJsonValue } from "../envelope/checkJsonValue.ts";
import type { Context, CustomCode, EnvelopeInput, Metric, Shape } from "../envelope/Envelope.ts";
import { deriveFields } from "../shape/deriveFields.ts";
import { summarizeFeatures } from "../shape/summarizeFeatures.ts";

/** What `Registry.save` takes: the model and samples; shape and summaries are derived. */
export interface SaveInput {
  name: string;
  description?: string;
  /** the model's state: any JSON value (e.g. weights), or bytes */
  artifact: unknown;
  /** media type of a bytes artifact; default application/octet-stream */
  mediaType?: string;
  /** sample input rows (training features): derive the input fields and their summary statistics */
  inputs?: Record<string, unknown>[];
  /** sample output rows: derive the output fields */
  outputs?: Record<string, unknown>[];
  /** a declared shape; wins over the one derived from samples */
  shape?: Shape;
  metrics?: Metric[];
  tags?: Record<string, string>;
  /** package versions as given; see also `lockFile` */
  packages?: Record<string, string>;
  /** an npm lock file to read package versions from (the project's direct dependencies, or `packageNames`) */
  lockFile?: string;
  packageNames?: string[];
  /** a path to a module of your own to bundle with esbuild, or an already bundled one */
  code?: string | CustomCode;
}

/**
 * The wire envelope for a save, from the input and an already-resolved context: the shape as
 * declared or derived from the sample rows, and the inputs' summary statistics. A JSON artifact
 * that JSON would not give back as it is (`Infinity`, a Date, `undefined`...) is a 422-like
 * `ENVELOPE_INVALID` naming each place, before anything is sent. Pure.
 */
export function buildEnvelope(input: SaveInput, context: Context): EnvelopeInput {
  let shape = input.shape;
  if (!shape) {
    if (!input.inputs || !input.outputs) {
      throw new EnvelopeError("ENVELOPE_INVALID", `model ${input.name}: no shape`, { problems: [{ path: "shape", expected: "a declared shape, or sample `inputs` and `outputs` rows to derive it from" }] });
    }
    shape = { inputs: deriveFields(input.inputs, "inputs"), outputs: deriveFields(input.outputs, "outputs") };
  }
  const inputFields = shape.inputs;
  const features = input.inputs ? summarizeFeatures(input.inputs, input.shape ? deriveFields(input.inputs, "inputs") : inputFields) : {};
  if (!(input.artifact instanceof Uint8Array)) {
    const checks = new Checks();
    checkJsonValue(checks, input.artifact, "artifact");
    assertNoProblems(checks.problems, `the artifact of ${input.name}: it would not come back as saved`);
  }
  const artifact = input.artifact instanceof Uint8Array ? { encoding: "base64" as const, data: Buffer.from(input.artifact).toString("base64"), ...(input.mediaType ? { mediaType: input.mediaType } : {}) } : { encoding: "json" as const, data: input.artifact };
  return {
    ...(input.description === undefined ? {} : { description: input.description }),
    function: { artifact, shape },
    context,
    data: { features, metrics: input.metrics ?? [] },
    tags: input.tags ?? {},
  };
}
