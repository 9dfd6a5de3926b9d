import type { Field, FieldType } from "../envelope/Envelope.ts";
import type { Problem } from "../errors/Problem.ts";
import type { InputColumn } from "./InputPart.ts";

const integers = new Set(["TINYINT", "SMALLINT", "INTEGER", "BIGINT", "HUGEINT", "UTINYINT", "USMALLINT", "UINTEGER", "UBIGINT", "UHUGEINT"]);

/** whether a DuckDB column of `type` holds values of a field of `fieldType` */
function holds(fieldType: FieldType, type: string): boolean {
  switch (fieldType) {
    case "integer":
      return integers.has(type);
    case "number":
      return integers.has(type) || type === "FLOAT" || type === "DOUBLE" || type.startsWith("DECIMAL");
    case "string":
      return type === "VARCHAR";
    case "boolean":
      return type === "BOOLEAN";
  }
}

const columnTypes: Record<FieldType, string> = { integer: "an integer column (BIGINT, INTEGER, ...)", number: "a numeric column (DOUBLE, FLOAT, DECIMAL or an integer type)", string: "a VARCHAR column", boolean: "a BOOLEAN column" };

/** The columns a batch adds to its output besides the model's outputs. */
export const addedColumns = ["model", "version"] as const;

/**
 * Checks one input file's columns against the model's shape before any row runs, and returns
 * every problem, each naming the file and column: an input field's column missing, of a type
 * that cannot hold the field's values, or holding nulls where the field wants values; and a kept
 * (id) column missing or named like an output column. Pure.
 */
export function checkInputSchema(file: string, columns: readonly InputColumn[], inputs: readonly Field[], outputs: readonly Field[], ids: readonly string[]): Problem[] {
  const problems: Problem[] = [];
  const byName = new Map(columns.map((column) => [column.name, column]));
  const where = (name: string) => `${file}: column ${name}`;
  for (const field of inputs) {
    const column = byName.get(field.name);
    if (!column) problems.push({ path: where(field.name), expected: `${columnTypes[field.type]} for the model's input ${field.name}`, got: "no such column" });
    else if (!holds(field.type, column.type)) problems.push({ path: where(field.name), expected: columnTypes[field.type], got: column.type });
    else if (!field.nullable && column.nulls > 0) problems.push({ path: where(field.name), expected: `a value in every row (the model's ${field.name} is not nullable)`, got: `${column.nulls} null${column.nulls === 1 ? "" : "s"}` });
  }
  const taken = new Set<string>([...outputs.map((field) => field.name), ...addedColumns]);
  for (const id of ids) {
    if (!byName.has(id)) problems.push({ path: where(id), expected: "an id column to keep in the output", got: "no such column" });
    else if (taken.has(id)) problems.push({ path: where(id), expected: `an id column named unlike the output columns (${[...taken].join(", ")})`, got: id });
  }
  return problems;
}
