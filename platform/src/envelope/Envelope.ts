/** The types of a model envelope: what a saved model holds, on the wire and in the store. */

/** A column's type; `integer` is a number whose sample values were all whole. */
export type FieldType = "number" | "integer" | "string" | "boolean";

/** One input or output field of a model's shape. */
export interface Field {
  name: string;
  type: FieldType;
  nullable: boolean;
}

/** The function's signature: input and output fields. */
export interface Shape {
  inputs: Field[];
  outputs: Field[];
}

/** Summary statistics of one numeric feature; `min`, `max` and `mean` are null without values. */
export interface NumberSummary {
  type: "number" | "integer";
  count: number;
  nulls: number;
  min: number | null;
  max: number | null;
  mean: number | null;
}

/** Summary statistics of one string feature. */
export interface StringSummary {
  type: "string";
  count: number;
  nulls: number;
  distinct: number;
}

/** Summary statistics of one boolean feature. */
export interface BooleanSummary {
  type: "boolean";
  count: number;
  nulls: number;
  trues: number;
}

export type FeatureSummary = NumberSummary | StringSummary | BooleanSummary;

/** A single number, e.g. `auc = 0.91`, optionally at a training step. */
export interface ScalarMetric {
  name: string;
  kind: "scalar";
  value: number;
  step?: number;
}

/** A curve as points, e.g. a learning curve or an ROC curve; `x` and `y` name the axes. */
export interface SeriesMetric {
  name: string;
  kind: "series";
  points: Array<{ x: number; y: number }>;
  x?: string;
  y?: string;
}

export type Metric = ScalarMetric | SeriesMetric;

/** A user's own module bundled with esbuild into one ESM file, loadable elsewhere. */
export interface CustomCode {
  entry: string;
  format: "esm";
  code: string;
  sha256: string;
}

/** Where the model runs. */
export interface Context {
  node: string;
  packages: Record<string, string>;
  code?: CustomCode;
}

/** The model's state as sent: JSON (e.g. weights) or bytes in base64. */
export type ArtifactInput = { encoding: "json"; data: unknown } | { encoding: "base64"; data: string; mediaType?: string };

/** What the registry keeps about a stored artifact; the bytes are downloaded separately. */
export interface ArtifactInfo {
  mediaType: string;
  size: number;
  sha256: string;
}

/** The body of `POST /v1/models/{name}`: everything but what the platform derives. */
export interface EnvelopeInput {
  description?: string;
  function: { artifact: ArtifactInput; shape: Shape };
  context: Context;
  data: { features: Record<string, FeatureSummary>; metrics: Metric[] };
  tags: Record<string, string>;
}

/** A model version as the registry serves it. */
export interface SavedEnvelope {
  name: string;
  version: number;
  owner: string;
  team: string;
  description: string;
  createdAt: string;
  function: { artifact: ArtifactInfo; shape: Shape };
  context: Context;
  data: { features: Record<string, FeatureSummary>; metrics: Metric[] };
  /** base tags (`name`, `description`, `owner`, `team`) and the user's own */
  tags: Record<string, string>;
}

/** A model version in search results: the index, without function, context and data. */
export type ModelSummary = Pick<SavedEnvelope, "name" | "version" | "owner" | "team" | "description" | "createdAt" | "tags">;
