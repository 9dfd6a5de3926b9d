import { batchPredict, type BatchProgress } from "../../batch/batchPredict.ts";
import { formatProgress, progressDue } from "../../batch/formatProgress.ts";
import { parseShardFlag } from "../../batch/parseShardFlag.ts";
import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { loadServable } from "../../serving/loadServable.ts";
import { startRunRecord } from "../../runs/startRunRecord.ts";
import { parseModelRef } from "../../serving/parseModelRef.ts";
import type { CliIo } from "../CliIo.ts";
import type { FlagValues, Flags, Operands } from "../Command.ts";
import { registryFromCli, registryFromCliFlags } from "../registryFromCli.ts";
import { batchJobCommand } from "./batchJobCommand.ts";
import { whole } from "./serveCommand.ts";

export const batchHelp = `envelope batch: run a model over tables of rows, writing Parquet

Usage: envelope batch MODEL --input GLOB --output DIR [--id COLUMNS] [--shard I/N] [--chunk-rows N]
                            [--features TABLE --on KEYS] [--s3-endpoint URL] [--skip-errors]
                            [--workers N] [--timeout MS] [--max-memory MB] [--url URL --token TOKEN]
       envelope batch MODEL --input GLOB --output DIR ... --print-k8s-job --shards N [--image IMAGE]
                            [--namespace NS] [--output-claim PVC]

  MODEL           name@version (churn@3), name (its latest version), or a tag query
                  (name=churn,stage=prod: the newest version with every tag)
  --input GLOB    .parquet or .csv files: a local path or glob (data/*.parquet), or objects on
                  S3 (s3://bucket/clients/*.parquet), downloaded to a temporary folder first
  --output DIR    one Parquet file per input file is written here: the id columns, the model's
                  outputs, model and version
  --id COLUMNS    the input columns kept, comma-separated (default: every column the model does
                  not read)
  --features TABLE  a .parquet or .csv table (local or s3://) joined onto every input by --on:
                  each input row once, in order, with its features
  --on KEYS       the key column(s) of the join, comma-separated (client_id or client_id,region)
  --s3-endpoint URL  an S3-compatible server (MinIO, s3rver), in path style (default:
                  AWS_ENDPOINT_URL_S3, AWS_ENDPOINT_URL); credentials and region from
                  AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY, AWS_REGION or the AWS chain
  --shard I/N     run only shard I of N (from 0): every N-th input file, so N machines together
                  run every file once; env:NAME/N reads I from the variable NAME
                  (env:JOB_COMPLETION_INDEX/N in a Kubernetes Indexed Job)
  --chunk-rows N  rows per call of the model (default 10000)
  --skip-errors   a chunk the model fails (throws, answers off its shape, crashes, times out)
                  or whose rows it cannot take is skipped: its rows go to DIR/errors/<file> with
                  the error, and the run goes on (it still fails if every chunk of a file failed)
  --workers N     worker processes running the model (default 1)
  --timeout MS    a chunk not answered this long fails the run; its worker is replaced (default 5000)
  --max-memory MB each worker's JavaScript heap limit (default 512)
  --url URL       the registry (default: ENVELOPE_REGISTRY_URL)
  --token T       a registry token (default: ENVELOPE_TOKEN)
  --print-k8s-job print (as JSON) a Kubernetes Indexed Job of --shards N pods running this
                  batch, each its shard, MODEL pinned to the version it resolves to now; runs nothing
  --image IMAGE   the pods' image, with the platform installed (default envelope-platform:latest)
  --namespace NS  the Job's namespace
  --output-claim PVC  a PersistentVolumeClaim mounted at --output in every pod

  Every input's schema is checked against the model's shape before any row runs: a missing
  column, a wrong type or nulls where the model wants values exit 2, each listed with its file
  and column, and nothing is written. A chunk the model fails exits 1 naming its file and rows;
  an output file appears only once complete. Progress goes to stderr: a bar with rows/s on a
  terminal, a line every 10 s (and at the end) otherwise.`;

/** The flags `envelope batch` accepts. */
export const batchFlags: Flags = {
  input: { type: "string" },
  output: { type: "string" },
  id: { type: "string" },
  shard: { type: "string" },
  "chunk-rows": { type: "string" },
  "skip-errors": { type: "boolean" },
  workers: { type: "string" },
  timeout: { type: "string" },
  "max-memory": { type: "string" },
  features: { type: "string" },
  on: { type: "string" },
  "s3-endpoint": { type: "string" },
  "print-k8s-job": { type: "boolean" },
  shards: { type: "string" },
  image: { type: "string" },
  namespace: { type: "string" },
  "output-claim": { type: "string" },
  ...registryFromCliFlags,
};

/** `envelope batch` takes one argument, the model. */
export const batchOperands: Operands = { count: 1, expected: "one MODEL (churn@3 or name=churn,stage=prod)" };

/** --features TABLE --on KEYS, both or neither */
function featuresOf(values: FlagValues): { table: string; on: string[] } {
  const table = values["features"];
  const on = values["on"];
  if (typeof table !== "string" || typeof on !== "string") throw new EnvelopeError("ENVELOPE_CONFIG", "--features TABLE and --on KEYS go together: expected both, as in --features features.parquet --on client_id");
  return { table, on: on.split(",").map((key) => key.trim()) };
}

/** Progress on stderr: a bar on a terminal, a line every 10 s in a log (and at the end). */
function showProgress(io: CliIo): (progress: BatchProgress) => void {
  const style = io.tty ? "bar" : "lines";
  const started = io.now().getTime();
  let last = started;
  return (progress) => {
    const now = io.now().getTime();
    if (!progressDue(progress, now - last, style)) return;
    last = now;
    io.stderr(formatProgress(progress, (now - started) / 1000, style) + (style === "bar" && progress.rowsDone === progress.rowsTotal ? "\n" : ""));
  };
}

/** `envelope batch MODEL --input GLOB --output DIR`: reads the model from the registry and runs it over the input files. */
export async function batchCommand(model: string, values: FlagValues, io: CliIo): Promise<number> {
  if (values["print-k8s-job"] === true) return batchJobCommand(model, values, io);
  if (values["shards"] !== undefined) throw new EnvelopeError("ENVELOPE_CONFIG", `--shards ${values["shards"]}: only with --print-k8s-job; to run one shard here, expected --shard I/N`);
  const ref = parseModelRef(model);
  const input = values["input"];
  const outputDir = values["output"];
  if (typeof input !== "string" || typeof outputDir !== "string") throw new EnvelopeError("ENVELOPE_CONFIG", "--input GLOB and --output DIR are both required");
  const options = {
    inputs: [input],
    outputDir,
    chunkRows: whole(values, "chunk-rows", 10_000, 1),
    workers: whole(values, "workers", 1, 1, 64),
    timeoutMs: whole(values, "timeout", 5000, 1),
    memoryLimitMb: whole(values, "max-memory", 512, 16, 1024 * 1024),
    ...(values["skip-errors"] === true ? { skipErrors: true } : {}),
    ...(typeof values["id"] === "string" ? { ids: values["id"].split(",").map((id) => id.trim()).filter((id) => id !== "") } : {}),
    ...(typeof values["shard"] === "string" ? { shard: parseShardFlag(values["shard"], io.env) } : {}),
    ...(typeof values["features"] === "string" || typeof values["on"] === "string" ? { features: featuresOf(values) } : {}),
    ...(typeof values["s3-endpoint"] === "string" ? { s3: { endpoint: values["s3-endpoint"], env: io.env } } : { s3: { env: io.env } }),
  };
  const registry = registryFromCli(values, io);
  const servable = await loadServable(registry, ref);
  // recorded in the registry however it ends; a failed run also sends the alert
  const record = startRunRecord({ registry, model: servable.envelope, inputs: options.inputs, outputDir, shard: options.shard, env: io.env, warn: (line) => io.stderr(`envelope batch: ${line}\n`) });
  try {
    const result = await batchPredict({ model: servable, ...options, onProgress: showProgress(io) });
    await record.succeeded(result);
    for (const part of result.parts) io.stdout(`wrote ${part.output} (${part.rows} rows from ${part.input}${part.errors ? `; ${part.skipped} rows skipped, in ${part.errors}` : ""})\n`);
    io.stdout(`${result.model.name}@${result.model.version}: ${result.rows} rows in ${result.parts.length} file${result.parts.length === 1 ? "" : "s"}${result.rowsSkipped > 0 ? `, ${result.rowsSkipped} skipped` : ""}\n`);
    return 0;
  } catch (error) {
    await record.failed(error);
    // the inputs do not fit the model: the user fixes the command's inputs, so it exits 2 like a configuration error
    if (error instanceof EnvelopeError && error.details["stage"] === "schema") throw new EnvelopeError("ENVELOPE_CONFIG", error.shortMessage, { cause: error, problems: error.problems, details: error.details });
    throw error;
  }
}
