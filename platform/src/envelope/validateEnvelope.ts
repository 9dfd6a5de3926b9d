import { assertNoProblems } from "../errors/EnvelopeError.ts";
import { checkMetric } from "../metrics/validateMetric.ts";
import { validateTags } from "../tags/validateTags.ts";
import { Checks } from "./Checks.ts";
import type { EnvelopeInput } from "./Envelope.ts";
import { validateContext } from "./validateContext.ts";
import { validateFeatures } from "./validateFeatures.ts";
import { validateShape } from "./validateShape.ts";

const base64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Checks the body of a save against the envelope's schema and returns it typed; otherwise throws
 * one 422 `EnvelopeError` whose `problems` list every wrong field with its path and expectation.
 */
export function validateEnvelope(value: unknown): EnvelopeInput {
  const checks = new Checks();
  if (checks.record(value, "(body)")) {
    checks.onlyKeys(value, "", ["description", "function", "context", "data", "tags"]);
    if (value["description"] !== undefined) checks.string(value["description"], "description", { max: 2000 });
    const fn = value["function"];
    if (checks.record(fn, "function")) {
      checks.onlyKeys(fn, "function", ["artifact", "shape"]);
      const artifact = fn["artifact"];
      if (checks.record(artifact, "function.artifact") && checks.oneOf(artifact["encoding"], "function.artifact.encoding", ["json", "base64"])) {
        if (artifact["encoding"] === "json") {
          checks.onlyKeys(artifact, "function.artifact", ["encoding", "data"]);
          if (artifact["data"] === undefined) checks.fail("function.artifact.data", "any JSON value (the model's state)", undefined);
        } else {
          checks.onlyKeys(artifact, "function.artifact", ["encoding", "data", "mediaType"]);
          checks.string(artifact["data"], "function.artifact.data", { pattern: base64, describe: "base64 text" });
          if (artifact["mediaType"] !== undefined) checks.string(artifact["mediaType"], "function.artifact.mediaType", { pattern: /^[\w.+-]+\/[\w.+-]+$/, describe: "a media type like application/octet-stream" });
        }
      }
      validateShape(checks, fn["shape"], "function.shape");
    }
    validateContext(checks, value["context"], "context");
    const data = value["data"];
    if (checks.record(data, "data")) {
      checks.onlyKeys(data, "data", ["features", "metrics"]);
      validateFeatures(checks, data["features"], "data.features");
      const metrics = data["metrics"];
      if (checks.array(metrics, "data.metrics", 1000)) metrics.forEach((metric, index) => checks.full || checkMetric(checks, metric, `data.metrics[${index}]`));
    }
    validateTags(checks, value["tags"], "tags");
  }
  assertNoProblems(checks.problems, "the envelope");
  return value as unknown as EnvelopeInput;
}
