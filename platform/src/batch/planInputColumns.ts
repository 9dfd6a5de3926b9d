import type { DuckDBConnection } from "@duckdb/node-api";
import type { Field } from "../envelope/Envelope.ts";
import { quoted, sqlString } from "./InputPart.ts";

/**
 * How one of the model's input fields is read from DuckDB as a typed array: `f64` (numbers as
 * DOUBLE), `i32` (an integer field whose column's type fits 32 bits, as INTEGER), `bool` (BOOLEAN as UTINYINT 0/1), `dict` (a string column of few distinct values cast
 * to an ENUM, read as its codes) or `str` (strings one by one). A nullable field also reads a
 * UTINYINT null flag, so no value is read through DuckDB's per-row validity API.
 */
export interface ColumnPlan {
  field: Field;
  kind: "f64" | "i32" | "bool" | "dict" | "str";
  /** the dictionary of a `dict` column, in code order */
  dict?: string[];
  /** the index of its value in the SELECT list, and of its null flag (nullable fields only) */
  value: number;
  nullFlag?: number;
}

/** the integer types whose every value an INTEGER (32 bits) holds */
const narrow = new Set(["TINYINT", "SMALLINT", "INTEGER", "UTINYINT", "USMALLINT"]);

/** distinct values of a string column above which it is read value by value instead of as codes */
export const maxDictionary = 4096;

/**
 * The SELECT list that reads the model's `inputs` from `source` column-wise, and how each field
 * is found in it. A string field's distinct values are counted first (one query, stopping past
 * `maxDictionary`): few of them are read as ENUM codes, a few bytes a row instead of a string each.
 */
export async function planInputColumns(connection: DuckDBConnection, source: string, inputs: readonly Field[]): Promise<{ selects: string[]; plans: ColumnPlan[] }> {
  const selects: string[] = [];
  const plans: ColumnPlan[] = [];
  const described = inputs.length === 0 ? [] : (await connection.runAndReadAll(`DESCRIBE SELECT ${inputs.map((field) => quoted(field.name)).join(", ")} FROM ${source}`)).getRowObjectsJS();
  const types = new Map(described.map((row) => [String(row["column_name"]), String(row["column_type"])]));
  for (const field of inputs) {
    const column = quoted(field.name);
    let kind: ColumnPlan["kind"] = field.type === "string" ? "str" : field.type === "boolean" ? "bool" : field.type === "integer" && narrow.has(types.get(field.name) ?? "") ? "i32" : "f64";
    let dict: string[] | undefined;
    if (kind === "str") {
      const distinct = (await connection.runAndReadAll(`SELECT DISTINCT ${column}::VARCHAR AS value FROM ${source} WHERE ${column} IS NOT NULL LIMIT ${maxDictionary + 1}`)).getRowObjectsJS();
      if (distinct.length <= maxDictionary) {
        kind = "dict";
        dict = distinct.map((row) => String(row["value"])).sort();
      }
    }
    const value = selects.length;
    if (kind === "f64") selects.push(`CAST(${column} AS DOUBLE)`);
    else if (kind === "i32") selects.push(`CAST(${column} AS INTEGER)`);
    else if (kind === "bool") selects.push(`CAST(${column} AS UTINYINT)`);
    else if (kind === "dict") selects.push(dict!.length === 0 ? `0::UTINYINT` : `CAST(${column} AS ENUM(${dict!.map(sqlString).join(", ")}))`);
    else selects.push(`CAST(${column} AS VARCHAR)`);
    const plan: ColumnPlan = { field, kind, value, ...(dict ? { dict } : {}) };
    if (field.nullable) {
      plan.nullFlag = selects.length;
      selects.push(`CAST(${column} IS NULL AS UTINYINT)`);
    }
    plans.push(plan);
  }
  return { selects, plans };
}
