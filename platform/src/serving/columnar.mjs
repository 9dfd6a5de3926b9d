// Rows as columns, for batch predictions: the parent sends a chunk of rows as typed arrays (raw
// bytes on the binary channel, frames.mjs) and the model's process turns them back into the very
// row objects `/predict` would give the model, then its predictions into columns. Plain
// JavaScript: predictWorker.mjs runs under plain `node`.
//
// A column is { name, kind, ... }:
//   "f64"  { data: Float64Array, nulls?: Uint8Array (1 = null) }
//   "i32"  { data: Int32Array, nulls? }
//   "bool" { data: Uint8Array of 0/1, nulls? }
//   "dict" { dict: string[], data: Uint8Array or Uint16Array of codes, nulls? }
//   "str"  { values: (string | null)[] }
// A batch is { rows: number, columns: Column[] }.

const arrayTypes = { f64: Float64Array, i32: Int32Array, bool: Uint8Array, dict8: Uint8Array, dict16: Uint16Array };

/** a column's array type by its kind (and for a dictionary, its code width) */
function typeOf(kind, wide) {
  return arrayTypes[kind === "dict" ? (wide ? "dict16" : "dict8") : kind];
}

/** one column's values, as the model sees them, by row: a function from a row index */
function reader(column, rows) {
  const { data, nulls } = column;
  if (column.kind !== "str" && data.length !== rows) throw new TypeError(`column ${column.name} carried ${data.length} values for ${rows} rows`);
  let read;
  switch (column.kind) {
    case "f64":
    case "i32":
      read = (row) => data[row];
      break;
    case "bool":
      read = (row) => data[row] === 1;
      break;
    case "dict": {
      const dict = column.dict;
      read = (row) => dict[data[row]];
      break;
    }
    case "str": {
      const values = column.values;
      if (values.length !== rows) throw new TypeError(`column ${column.name} carried ${values.length} values for ${rows} rows`);
      return (row) => values[row];
    }
    default:
      throw new TypeError(`unknown column kind ${JSON.stringify(column.kind)}`);
  }
  return nulls === undefined ? read : (row) => (nulls[row] === 1 ? null : read(row));
}

/**
 * The row objects of a batch, each with every column in the batch's order: what `predict(rows)`
 * receives, as it would from `/predict`.
 */
export function rowsFromColumns(batch) {
  const names = batch.columns.map((column) => column.name);
  const readers = batch.columns.map((column) => reader(column, batch.rows));
  // one object shape for every row: built by a function made for these names (JSON-quoted, so a
  // name cannot escape its string), which V8 makes much faster than keyed stores in a loop
  const make = new Function("readers", "row", `return { ${names.map((name, index) => `${JSON.stringify(name)}: readers[${index}](row)`).join(", ")} };`);
  const rows = new Array(batch.rows);
  for (let row = 0; row < batch.rows; row++) rows[row] = make(readers, row);
  return rows;
}

const fitsKind = {
  number: (value) => typeof value === "number" && Number.isFinite(value),
  integer: (value) => Number.isInteger(value),
  string: (value) => typeof value === "string",
  boolean: (value) => typeof value === "boolean",
};

/**
 * The predictions as columns of the output fields, or undefined when any of them is not plainly
 * right (not an array of one object per row, a value off its field's type, a missing or extra
 * key, NaN): the caller then sends the predictions as they are, for the parent's checks to name
 * what is wrong exactly as `/predict` would. -0 becomes 0, as it does through JSON.
 */
export function columnsFromPredictions(predictions, fields, rows) {
  if (!Array.isArray(predictions) || predictions.length !== rows) return undefined;
  const columns = fields.map((field) => ({ name: field.name, kind: field.type === "string" ? "str" : field.type === "boolean" ? "bool" : "f64" }));
  for (const [index, column] of columns.entries()) {
    if (column.kind === "str") column.values = new Array(rows);
    else column.data = column.kind === "bool" ? new Uint8Array(rows) : new Float64Array(rows);
    if (fields[index].nullable) column.nulls = new Uint8Array(rows);
  }
  const fits = fields.map((field) => fitsKind[field.type]);
  for (let row = 0; row < rows; row++) {
    const prediction = predictions[row];
    if (prediction === null || typeof prediction !== "object" || Array.isArray(prediction)) return undefined;
    let keys = 0;
    for (const key in prediction) if (Object.hasOwn(prediction, key)) keys++;
    if (keys !== fields.length) return undefined;
    for (let index = 0; index < fields.length; index++) {
      const column = columns[index];
      const value = prediction[column.name];
      if (value === null && column.nulls !== undefined) {
        column.nulls[row] = 1;
        if (column.values) column.values[row] = null;
        continue;
      }
      if (!fits[index](value)) return undefined;
      if (column.values) column.values[row] = value;
      else column.data[row] = column.kind === "bool" ? (value ? 1 : 0) : value === 0 ? 0 : value;
    }
  }
  for (const column of columns) if (column.nulls !== undefined && (column.values || !column.nulls.includes(1))) delete column.nulls;
  return columns;
}

/** Columns as a frame's header part and buffers: each typed array replaced by its buffer's index. */
export function columnsToFrame(columns) {
  const buffers = [];
  const described = columns.map(({ data, nulls, ...rest }) => {
    const column = { ...rest };
    if (data !== undefined) {
      column.data = buffers.push(data) - 1;
      if (rest.kind === "dict") column.wide = data instanceof Uint16Array;
    }
    if (nulls !== undefined) column.nulls = buffers.push(nulls) - 1;
    return column;
  });
  return { columns: described, buffers };
}

/** The columns a frame carried: each buffer index replaced by its typed array. */
export function columnsFromFrame(described, buffers) {
  return described.map(({ wide, ...column }) => {
    if (column.data !== undefined) column.data = new (typeOf(column.kind, wide))(buffers[column.data]);
    if (column.nulls !== undefined) column.nulls = new Uint8Array(buffers[column.nulls]);
    return column;
  });
}
