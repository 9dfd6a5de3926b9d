import type { Field } from "../envelope/Envelope.ts";

/** One column of a batch of rows or predictions (see columnar.mjs). */
export type Column =
  | { name: string; kind: "f64"; data: Float64Array; nulls?: Uint8Array }
  | { name: string; kind: "i32"; data: Int32Array; nulls?: Uint8Array }
  | { name: string; kind: "bool"; data: Uint8Array; nulls?: Uint8Array }
  | { name: string; kind: "dict"; dict: string[]; data: Uint8Array | Uint16Array; nulls?: Uint8Array }
  | { name: string; kind: "str"; values: Array<string | null> };

/** A chunk of rows as columns: what the parent sends a model's process for a batch. */
export interface ColumnBatch {
  rows: number;
  columns: Column[];
}

/** A column as a frame's header describes it: its typed arrays replaced by buffer indexes. */
export type FramedColumn = { name: string; kind: Column["kind"]; data?: number; nulls?: number; wide?: boolean; dict?: string[]; values?: Array<string | null> };

export function rowsFromColumns(batch: ColumnBatch): Record<string, unknown>[];
export function columnsFromPredictions(predictions: unknown, fields: readonly Field[], rows: number): Column[] | undefined;
export function columnsToFrame(columns: readonly Column[]): { columns: FramedColumn[]; buffers: ArrayBufferView[] };
export function columnsFromFrame(columns: readonly FramedColumn[], buffers: readonly ArrayBuffer[]): Column[];
