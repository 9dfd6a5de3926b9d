import type { DuckDBDataChunk } from "@duckdb/node-api";
import type { Column, ColumnBatch } from "../serving/columnar.mjs";
import type { ColumnPlan } from "./planInputColumns.ts";

/** The typed-array view DuckDB gives a fixed-width vector (DOUBLE, INTEGER, UTINYINT, ENUM codes). */
type Items = Float64Array | Int32Array | Uint8Array | Uint16Array;

interface Buffer {
  plan: ColumnPlan;
  values: Items | Array<string | null>;
  nulls: Uint8Array | undefined;
}

/** A chunk of the model's size; `suspect` when a number in it is NaN or infinite, which `/predict` refuses. */
export interface CollectedBatch {
  batch: ColumnBatch;
  suspect: boolean;
}

/** Gathers DuckDB's data chunks (2,048 rows each) into chunks of the model's size, as columns. */
export interface ColumnCollector {
  /** adds a data chunk's rows; returns the batches it completed (usually none or one) */
  add(chunk: DuckDBDataChunk): CollectedBatch[];
  /** the rows added since the last full batch, as a batch (undefined when none) */
  rest(): CollectedBatch | undefined;
}

function itemsOf(chunk: DuckDBDataChunk, index: number): Items {
  return (chunk.getColumnVector(index) as unknown as { items: Items }).items;
}

function newValues(plan: ColumnPlan, rows: number, wide: boolean): Buffer["values"] {
  if (plan.kind === "f64") return new Float64Array(rows);
  if (plan.kind === "i32") return new Int32Array(rows);
  if (plan.kind === "str") return new Array<string | null>(rows).fill(null);
  return wide ? new Uint16Array(rows) : new Uint8Array(rows);
}

/** a buffer's first `rows` as a column; its arrays go with it (a socket may still be writing them), so the collector starts new ones */
function columnOf(buffer: Buffer, rows: number): Column {
  const { plan, values, nulls } = buffer;
  const name = plan.field.name;
  if (Array.isArray(values)) {
    const kept = values.slice(0, rows);
    if (nulls) for (let row = 0; row < rows; row++) if (nulls[row] === 1) kept[row] = null;
    return { name, kind: "str", values: kept };
  }
  const data = rows === values.length ? values : values.slice(0, rows);
  const withNulls = nulls && nulls.subarray(0, rows).includes(1) ? { nulls: nulls.slice(0, rows) } : {};
  if (plan.kind === "dict") return { name, kind: "dict", dict: plan.dict!, data: data as Uint8Array | Uint16Array, ...withNulls };
  return { name, kind: plan.kind, data, ...withNulls } as Column;
}

/**
 * A collector of the columns `plans` read (see planInputColumns) into batches of `chunkRows`:
 * fixed-width columns are copied vector to vector (no value is read one by one), strings of a
 * `str` column are read one by one. Each batch gets arrays of its own.
 */
export function collectColumns(plans: readonly ColumnPlan[], chunkRows: number): ColumnCollector {
  let buffers: Buffer[] | undefined;
  let filled = 0;
  let suspect = false;

  function batch(rows: number): CollectedBatch {
    const collected = { batch: { rows, columns: buffers!.map((buffer) => columnOf(buffer, rows)) }, suspect };
    suspect = false;
    buffers = buffers!.map((buffer) => ({ ...buffer, values: newValues(buffer.plan, chunkRows, buffer.values instanceof Uint16Array), nulls: buffer.nulls && new Uint8Array(chunkRows) }));
    return collected;
  }

  /** whether a copied number (not null) is NaN or infinite */
  function nonFinite(buffer: Buffer, from: number, count: number): boolean {
    const values = buffer.values as Float64Array;
    for (let row = from; row < from + count; row++) if (!Number.isFinite(values[row]) && buffer.nulls?.[row] !== 1) return true;
    return false;
  }

  return {
    add(chunk) {
      buffers ??= plans.map((plan) => ({ plan, values: newValues(plan, chunkRows, plan.kind === "dict" && itemsOf(chunk, plan.value) instanceof Uint16Array), nulls: plan.nullFlag === undefined ? undefined : new Uint8Array(chunkRows) }));
      const done: CollectedBatch[] = [];
      const size = chunk.rowCount;
      let from = 0;
      while (from < size) {
        const count = Math.min(size - from, chunkRows - filled);
        for (const buffer of buffers) {
          const { plan } = buffer;
          if (Array.isArray(buffer.values)) {
            const vector = chunk.getColumnVector(plan.value);
            for (let row = 0; row < count; row++) buffer.values[filled + row] = vector.getItem(from + row) as string | null;
          } else buffer.values.set(itemsOf(chunk, plan.value).subarray(from, from + count) as never, filled);
          if (buffer.nulls) buffer.nulls.set(itemsOf(chunk, plan.nullFlag!).subarray(from, from + count), filled);
          if (plan.field.type === "number" && !suspect) suspect = nonFinite(buffer, filled, count);
        }
        filled += count;
        from += count;
        if (filled === chunkRows) {
          done.push(batch(chunkRows));
          filled = 0;
        }
      }
      return done;
    },
    rest() {
      if (filled === 0) return undefined;
      const last = batch(filled);
      filled = 0;
      return last;
    },
  };
}
