import type { Checks } from "./Checks.ts";
import type { Shape } from "./Envelope.ts";

export const fieldTypes = ["number", "integer", "string", "boolean"] as const;

/** Checks a shape: `inputs` and `outputs`, each a list of `{ name, type, nullable }` with unique names. */
export function validateShape(checks: Checks, value: unknown, path: string): value is Shape {
  const before = checks.problems.length;
  if (!checks.record(value, path)) return false;
  checks.onlyKeys(value, path, ["inputs", "outputs"]);
  for (const side of ["inputs", "outputs"] as const) {
    const fields = value[side];
    const at = `${path}.${side}`;
    if (!checks.array(fields, at, 1000)) continue;
    if (fields.length === 0) checks.fail(at, "at least one field", fields);
    const seen = new Set<string>();
    fields.forEach((field, index) => {
      const fieldPath = `${at}[${index}]`;
      if (checks.full || !checks.record(field, fieldPath)) return;
      checks.onlyKeys(field, fieldPath, ["name", "type", "nullable"]);
      if (checks.string(field["name"], `${fieldPath}.name`, { max: 128, pattern: /\S/, describe: "a field name" })) {
        if (seen.has(field["name"])) checks.fail(`${fieldPath}.name`, "a name not used by another field", field["name"]);
        seen.add(field["name"]);
      }
      checks.oneOf(field["type"], `${fieldPath}.type`, fieldTypes);
      if (typeof field["nullable"] !== "boolean") checks.fail(`${fieldPath}.nullable`, "true or false", field["nullable"]);
    });
  }
  return checks.problems.length === before;
}
