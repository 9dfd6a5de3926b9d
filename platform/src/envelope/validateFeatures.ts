import type { Checks } from "./Checks.ts";
import type { FeatureSummary } from "./Envelope.ts";

const count = { integer: true, min: 0, describe: "a count (a whole number >= 0)" };

/** Checks feature summaries: an object from feature name to the summary of its type. */
export function validateFeatures(checks: Checks, value: unknown, path: string): value is Record<string, FeatureSummary> {
  const before = checks.problems.length;
  if (!checks.record(value, path)) return false;
  for (const [name, summary] of Object.entries(value)) {
    if (checks.full) break;
    const at = `${path}.${name}`;
    if (!checks.record(summary, at)) continue;
    const type = summary["type"];
    if (!checks.oneOf(type, `${at}.type`, ["number", "integer", "string", "boolean"])) continue;
    checks.number(summary["count"], `${at}.count`, count);
    checks.number(summary["nulls"], `${at}.nulls`, count);
    if (type === "number" || type === "integer") {
      checks.onlyKeys(summary, at, ["type", "count", "nulls", "min", "max", "mean"]);
      for (const stat of ["min", "max", "mean"]) {
        if (summary[stat] !== null) checks.number(summary[stat], `${at}.${stat}`, { describe: "a finite number or null" });
      }
    } else if (type === "string") {
      checks.onlyKeys(summary, at, ["type", "count", "nulls", "distinct"]);
      checks.number(summary["distinct"], `${at}.distinct`, count);
    } else {
      checks.onlyKeys(summary, at, ["type", "count", "nulls", "trues"]);
      checks.number(summary["trues"], `${at}.trues`, count);
    }
  }
  return checks.problems.length === before;
}
