import { isRecord } from "../envelope/Checks.ts";
import type { Field, FieldType } from "../envelope/Envelope.ts";
import { preview } from "../errors/Problem.ts";
import type { RowProblem } from "./RowProblem.ts";

const described: Record<FieldType, string> = { number: "a number", integer: "an integer", string: "a string", boolean: "true or false" };

function fits(type: FieldType, value: unknown): boolean {
  switch (type) {
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return Number.isInteger(value);
    case "string":
      return typeof value === "string";
    case "boolean":
      return typeof value === "boolean";
  }
}

/**
 * Checks rows against a side of a shape and returns every problem, in row order then field
 * order: a row that is not an object, a field that is missing (unless nullable: samples that
 * lacked a column made it nullable), of the wrong type, or not in the shape. Stops after `limit`
 * problems so that a huge bad batch cannot make a huge answer. Pure; a valid row costs one
 * `typeof` per field.
 */
export function checkRows(rows: readonly unknown[], fields: readonly Field[], path = "rows", limit = Infinity): RowProblem[] {
  const problems: RowProblem[] = [];
  const known = new Set(fields.map((field) => field.name));
  const knownList = fields.map((field) => field.name).join(", ");
  const expected = fields.map((field) => `${described[field.type]}${field.nullable ? " or null" : ""}`);
  for (let row = 0; row < rows.length && problems.length < limit; row++) {
    const value = rows[row];
    if (!isRecord(value)) {
      problems.push({ path: `${path}[${row}]`, row, field: "(row)", expected: `an object with ${knownList}`, got: preview(value) });
      continue;
    }
    let present = 0;
    for (let index = 0; index < fields.length; index++) {
      const field = fields[index]!;
      const cell = value[field.name];
      if (cell === undefined && !Object.hasOwn(value, field.name)) {
        if (!field.nullable) problems.push({ path: `${path}[${row}].${field.name}`, row, field: field.name, expected: expected[index]!, got: "nothing" });
        continue;
      }
      present++;
      if (cell === null ? !field.nullable : !fits(field.type, cell)) problems.push({ path: `${path}[${row}].${field.name}`, row, field: field.name, expected: expected[index]!, got: preview(cell) });
    }
    // counting first keeps the common case (no extra field) free of a key list per row
    let keys = 0;
    for (const key in value) if (Object.hasOwn(value, key)) keys++;
    if (keys === present) continue;
    for (const key of Object.keys(value)) {
      if (!known.has(key)) problems.push({ path: `${path}[${row}].${key}`, row, field: key, expected: `no such field (known: ${knownList})`, got: preview(value[key]) });
    }
  }
  return problems.slice(0, limit);
}
