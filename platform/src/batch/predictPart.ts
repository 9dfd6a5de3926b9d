import type { DuckDBAppender, DuckDBConnection, DuckDBValue } from "@duckdb/node-api";
import type { Field } from "../envelope/Envelope.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import { checkPredictions } from "../serving/checkPredictions.ts";
import { checkRows } from "../serving/checkRows.ts";
import type { WorkerPool } from "../serving/createWorkerPool.ts";
import { quoted, sourceOf, sqlString, type InputPart } from "./InputPart.ts";
import { writeParquetAtomically } from "./writeParquetAtomically.ts";

export interface PartJob {
  part: InputPart;
  /** the Parquet file written, once complete */
  output: string;
  /** the columns kept from the input, in their input types */
  ids: readonly string[];
  /** the rows the part holds, counted before the run: a stream that ends short fails the part */
  rows: number;
}

export interface PartContext {
  /** reads the input part */
  connection: DuckDBConnection;
  /**
   * holds and writes the output table: a connection of its own on the same database, because an
   * appender's flush (every 204,800 rows) on the reading connection ends its pending stream early
   */
  writer: DuckDBConnection;
  pool: Pick<WorkerPool, "predict">;
  model: { name: string; version: number; inputs: readonly Field[]; outputs: readonly Field[] };
  label: string;
  chunkRows: number;
  /** chunks sent to the pool at once (its worker count keeps every worker busy) */
  inFlight: number;
}

const outputTypes: Record<Field["type"], string> = { number: "DOUBLE", integer: "BIGINT", string: "VARCHAR", boolean: "BOOLEAN" };

/** how a value of each output type is appended to its column (of `outputTypes`); values are checked against the fields first */
const appenders: Record<Field["type"], (appender: DuckDBAppender) => (value: unknown) => void> = {
  number: (appender) => (value) => appender.appendDouble(value as number),
  integer: (appender) => (value) => appender.appendBigInt(BigInt(value as number)),
  string: (appender) => (value) => appender.appendVarchar(value as string),
  boolean: (appender) => (value) => appender.appendBoolean(value as boolean),
};

/** a chunk's failure, naming the file and its rows (counted from 0) */
function failedChunk(part: InputPart, first: number, count: number, error: unknown): EnvelopeError {
  const rows = `${part.file} rows ${first} to ${first + count - 1}`;
  if (error instanceof EnvelopeError) return new EnvelopeError(error.code, `${rows}: ${error.shortMessage}`, { cause: error, problems: error.problems, details: { ...error.details, file: part.file, firstRow: first, rows: count } });
  return new EnvelopeError("ENVELOPE_MODEL_FAILED", `${rows}: ${(error as Error)?.message ?? String(error)}`, { cause: error });
}

/**
 * Runs the model over one input part and writes its Parquet output: the kept id columns, the
 * model's outputs, `model` and `version`, in input order. Rows are read in chunks of `chunkRows`,
 * checked as `/predict` checks them and sent through the same worker pool; a chunk that fails
 * fails the part with its rows named, and nothing is written. Resolves to the rows written.
 */
export async function predictPart(context: PartContext, job: PartJob): Promise<number> {
  const { connection, writer, model } = context;
  const table = `batch_output_${process.pid}`;
  const features = model.inputs.map((field) => (field.type === "number" || field.type === "integer" ? `CAST(${quoted(field.name)} AS DOUBLE) AS ${quoted(field.name)}` : quoted(field.name)));
  const idList = job.ids.map(quoted);
  await writer.run(`CREATE OR REPLACE TABLE ${quoted(table)} AS SELECT ${[...idList, "NULL::INTEGER AS __batch"].join(", ")} FROM ${sourceOf(job.part)} LIMIT 0`);
  for (const field of model.outputs) await writer.run(`ALTER TABLE ${quoted(table)} ADD COLUMN ${quoted(field.name)} ${outputTypes[field.type]}`);
  // the placeholder gave the table a column when there are no ids; dropped once the outputs are in
  await writer.run(`ALTER TABLE ${quoted(table)} DROP COLUMN __batch`);
  const appender = await writer.createAppender(table);
  const idTypes = job.ids.map((_, column) => appender.columnType(column));
  // one typed call per output value: the appender's generic appendValue costs several times more
  const appendOutput = model.outputs.map((field) => appenders[field.type](appender));
  const stream = await connection.stream(`SELECT ${[...idList.map((id, index) => `${id} AS __id${index}`), ...features].join(", ")} FROM ${sourceOf(job.part)}`);
  const idNames = job.ids.map((_, index) => `__id${index}`);
  const names = [...idNames, ...model.inputs.map((field) => field.name)];
  let done = 0;
  let closed = false;
  let pending: Array<Record<string, DuckDBValue>> = [];

  async function flush(batches: Array<Array<Record<string, DuckDBValue>>>): Promise<void> {
    const firsts = batches.map((_, index) => done + batches.slice(0, index).reduce((sum, batch) => sum + batch.length, 0));
    const answers = await Promise.allSettled(batches.map((batch, index) => run(batch, firsts[index]!)));
    for (let index = 0; index < batches.length; index++) {
      const answer = answers[index]!;
      if (answer.status === "rejected") throw failedChunk(job.part, firsts[index]!, batches[index]!.length, answer.reason);
      append(batches[index]!, answer.value);
    }
    done += batches.reduce((sum, batch) => sum + batch.length, 0);
  }

  async function run(batch: Array<Record<string, DuckDBValue>>, first: number): Promise<Record<string, unknown>[]> {
    const rows = batch.map((row) => Object.fromEntries(model.inputs.map((field) => [field.name, row[field.name]])));
    const problems = checkRows(rows, model.inputs, "rows", 20).map((problem) => ({ ...problem, path: `${job.part.file} row ${first + problem.row} column ${problem.field}` }));
    if (problems.length > 0) throw new EnvelopeError("ENVELOPE_INVALID", "rows the model cannot take", { problems });
    return checkPredictions(await context.pool.predict(rows), rows.length, model.outputs, context.label);
  }

  function append(batch: Array<Record<string, DuckDBValue>>, predictions: Record<string, unknown>[]): void {
    batch.forEach((row, index) => {
      for (let column = 0; column < idNames.length; column++) appender.appendValue(row[idNames[column]!]!, idTypes[column]);
      const prediction = predictions[index]!;
      for (let column = 0; column < model.outputs.length; column++) {
        const value = prediction[model.outputs[column]!.name] ?? null;
        if (value === null) appender.appendNull();
        else appendOutput[column]!(value);
      }
      appender.endRow();
    });
  }

  try {
    let queued: Array<Array<Record<string, DuckDBValue>>> = [];
    for (let chunk = await stream.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await stream.fetchChunk()) {
      pending.push(...chunk.getRowObjects(names));
      while (pending.length >= context.chunkRows) {
        queued.push(pending.slice(0, context.chunkRows));
        pending = pending.slice(context.chunkRows);
        if (queued.length >= context.inFlight) {
          await flush(queued);
          queued = [];
        }
      }
    }
    if (pending.length > 0) queued.push(pending);
    if (queued.length > 0) await flush(queued);
    // a stream that ended early must never pass for a complete part
    if (done !== job.rows) throw new EnvelopeError("ENVELOPE_SERVER", `${job.part.file}: read ${done} rows of ${job.rows}; the input changed during the run or its reading stopped early`);
    appender.closeSync();
    closed = true;
    // model and version are constants: added as the file is written, not appended per row
    await writeParquetAtomically(writer, `SELECT *, ${sqlString(model.name)} AS model, ${model.version}::INTEGER AS version FROM ${quoted(table)}`, job.output);
    return done;
  } finally {
    if (!closed) appender.closeSync();
    await writer.run(`DROP TABLE IF EXISTS ${quoted(table)}`);
  }
}
