import { DOUBLE, DuckDBDataChunk, UTINYINT, VARCHAR, type DuckDBAppender, type DuckDBType } from "@duckdb/node-api";
import type { Field, FieldType } from "../envelope/Envelope.ts";
import type { Column } from "../serving/columnar.mjs";

/** A column of predictions ready to append: fixed-width values with a null mask, or strings. */
export type PredictionColumn = { data: Float64Array | Int32Array | Uint8Array; nulls: Uint8Array | undefined } | { values: Array<string | null> };

/** A column of `rows` nulls, for the outputs of rows skipped. */
export function nullColumn(field: Field, rows: number): PredictionColumn {
  if (field.type === "string") return { values: new Array<string | null>(rows).fill(null) };
  return { data: field.type === "boolean" ? new Uint8Array(rows) : new Float64Array(rows), nulls: new Uint8Array(rows).fill(1) };
}

/** How each output type is held while a part runs: numbers as DOUBLE, booleans as UTINYINT 0/1 (cast back as the file is written). */
export const heldTypes: Record<FieldType, { sql: string; type: DuckDBType }> = {
  number: { sql: "DOUBLE", type: DOUBLE },
  integer: { sql: "DOUBLE", type: DOUBLE },
  boolean: { sql: "UTINYINT", type: UTINYINT },
  string: { sql: "VARCHAR", type: VARCHAR },
};

/** The model process's columns, checked to hold `rows` values each (they came from another process). */
export function predictionColumns(columns: readonly Column[], outputs: readonly Field[], rows: number): PredictionColumn[] {
  if (columns.length !== outputs.length) throw new TypeError(`the model's process answered ${columns.length} columns for ${outputs.length} outputs`);
  return columns.map((column) => {
    const size = column.kind === "str" ? column.values.length : column.data.length;
    if (size !== rows) throw new TypeError(`the model's process answered ${size} values of ${column.name} for ${rows} rows`);
    return column.kind === "str" ? { values: column.values } : { data: column.data as Float64Array | Uint8Array, nulls: column.nulls };
  });
}

/** Predictions the parent checked (`checkPredictions`) as columns: a missing nullable value is null. */
export function columnsOfRows(predictions: readonly Record<string, unknown>[], outputs: readonly Field[]): PredictionColumn[] {
  return outputs.map((field) => {
    const cells = predictions.map((prediction) => prediction[field.name] ?? null);
    if (field.type === "string") return { values: cells as Array<string | null> };
    const data = field.type === "boolean" ? Uint8Array.from(cells, (cell) => (cell ? 1 : 0)) : Float64Array.from(cells, (cell) => (cell === null ? 0 : (cell as number)));
    return { data, nulls: Uint8Array.from(cells, (cell) => (cell === null ? 1 : 0)) };
  });
}

/**
 * Appends `rows` predictions to the part's held table, whose columns are of `types` (the
 * outputs' `heldTypes`, and any column the caller adds), a DuckDB data chunk (2,048 rows) at a
 * time: fixed-width columns copied whole into the chunk's vectors, nulls and strings set one by one.
 */
export function appendPredictions(appender: DuckDBAppender, types: readonly DuckDBType[], columns: readonly PredictionColumn[], rows: number): void {
  const size = 2048;
  for (let from = 0; from < rows; from += size) {
    const count = Math.min(size, rows - from);
    const chunk = DuckDBDataChunk.create(types, count);
    columns.forEach((column, index) => {
      const vector = chunk.getColumnVector(index) as unknown as { items: Float64Array | Int32Array | Uint8Array; setItem(row: number, value: unknown): void; flush(): void };
      if ("values" in column) {
        for (let row = 0; row < count; row++) vector.setItem(row, column.values[from + row] ?? null);
      } else {
        vector.items.set(column.data.subarray(from, from + count));
        if (column.nulls) for (let row = 0; row < count; row++) if (column.nulls[from + row] === 1) vector.setItem(row, null);
      }
      vector.flush();
    });
    appender.appendDataChunk(chunk);
  }
}
