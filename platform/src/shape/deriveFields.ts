import { assertNoProblems } from "../errors/EnvelopeError.ts";
import { Checks, isRecord } from "../envelope/Checks.ts";
import type { Field, FieldType } from "../envelope/Envelope.ts";

type Kind = "number" | "string" | "boolean";

function kindOf(value: unknown): Kind | "null" | "other" {
  if (value === null || value === undefined) return "null";
  if (typeof value === "number") return Number.isFinite(value) ? "number" : "other";
  if (typeof value === "string" || typeof value === "boolean") return typeof value as Kind;
  return "other";
}

/**
 * Derives fields from sample rows (objects of column -> value): a column's type is the one type
 * of its non-null values (`integer` when every number is whole); it is `nullable` when some row
 * has null or lacks it. Columns keep their first-seen order. Mixed types, nested values, non-finite
 * numbers and all-null columns are problems, all reported at once with their row (`rows[3].age`).
 */
export function deriveFields(rows: readonly unknown[], path = "rows"): Field[] {
  const checks = new Checks();
  if (rows.length === 0) checks.fail(path, "at least one sample row", rows);
  const columns = new Map<string, { kind: Kind | undefined; invalid: boolean; whole: boolean; nulls: number; seen: number }>();
  rows.forEach((row, index) => {
    if (!checks.record(row, `${path}[${index}]`)) return;
    for (const [name, value] of Object.entries(row)) {
      let column = columns.get(name);
      if (!column) columns.set(name, (column = { kind: undefined, invalid: false, whole: true, nulls: 0, seen: 0 }));
      column.seen++;
      const kind = kindOf(value);
      if (kind === "null") column.nulls++;
      else if (kind === "other") {
        checks.fail(`${path}[${index}].${name}`, "a number, string, boolean or null", value);
        column.invalid = true;
      } else if (column.kind === undefined) column.kind = kind;
      else if (column.kind !== kind) checks.fail(`${path}[${index}].${name}`, `a ${column.kind} like the earlier rows`, value);
      if (kind === "number" && !Number.isInteger(value)) column.whole = false;
    }
  });
  const fields: Field[] = [];
  const objects = rows.filter(isRecord).length;
  for (const [name, column] of columns) {
    if (column.kind === undefined) {
      // a column whose only values were refused above needs no second problem
      if (!column.invalid) checks.fail(`${path}[*].${name}`, "at least one non-null value to infer a type", null);
      continue;
    }
    const type: FieldType = column.kind === "number" && column.whole ? "integer" : column.kind;
    fields.push({ name, type, nullable: column.nulls > 0 || column.seen < objects });
  }
  assertNoProblems(checks.problems, `the sample ${path}`);
  return fields;
}
