import { batchPredict } from "../../batch/batchPredict.ts";
import { parseShard } from "../../batch/selectShard.ts";
import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { loadServable } from "../../serving/loadServable.ts";
import { parseModelRef } from "../../serving/parseModelRef.ts";
import type { CliIo } from "../CliIo.ts";
import type { FlagValues, Flags, Operands } from "../Command.ts";
import { registryFromCli, registryFromCliFlags } from "../registryFromCli.ts";
import { whole } from "./serveCommand.ts";

export const batchHelp = `envelope batch: run a model over tables of rows, writing Parquet

Usage: envelope batch MODEL --input GLOB --output DIR [--id COLUMNS] [--shard I/N] [--chunk-rows N]
                            [--workers N] [--timeout MS] [--max-memory MB] [--url URL --token TOKEN]

  MODEL           name@version (churn@3), name (its latest version), or a tag query
                  (name=churn,stage=prod: the newest version with every tag)
  --input GLOB    local .parquet or .csv files (a path or a glob such as data/*.parquet)
  --output DIR    one Parquet file per input file is written here: the id columns, the model's
                  outputs, model and version
  --id COLUMNS    the input columns kept, comma-separated (default: every column the model does
                  not read)
  --shard I/N     run only shard I of N (from 0): every N-th input file, so N machines together
                  run every file once
  --chunk-rows N  rows per call of the model (default 10000)
  --workers N     worker processes running the model (default 1)
  --timeout MS    a chunk not answered this long fails the run; its worker is replaced (default 5000)
  --max-memory MB each worker's JavaScript heap limit (default 512)
  --url URL       the registry (default: ENVELOPE_REGISTRY_URL)
  --token T       a registry token (default: ENVELOPE_TOKEN)

  Every input's schema is checked against the model's shape before any row runs: a missing
  column, a wrong type or nulls where the model wants values exit 2, each listed with its file
  and column, and nothing is written. A chunk the model fails exits 1 naming its file and rows;
  an output file appears only once complete.`;

/** The flags `envelope batch` accepts. */
export const batchFlags: Flags = {
  input: { type: "string" },
  output: { type: "string" },
  id: { type: "string" },
  shard: { type: "string" },
  "chunk-rows": { type: "string" },
  workers: { type: "string" },
  timeout: { type: "string" },
  "max-memory": { type: "string" },
  ...registryFromCliFlags,
};

/** `envelope batch` takes one argument, the model. */
export const batchOperands: Operands = { count: 1, expected: "one MODEL (churn@3 or name=churn,stage=prod)" };

/** `envelope batch MODEL --input GLOB --output DIR`: reads the model from the registry and runs it over the input files. */
export async function batchCommand(model: string, values: FlagValues, io: CliIo): Promise<number> {
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
    ...(typeof values["id"] === "string" ? { ids: values["id"].split(",").map((id) => id.trim()).filter((id) => id !== "") } : {}),
    ...(typeof values["shard"] === "string" ? { shard: parseShard(values["shard"]) } : {}),
  };
  const servable = await loadServable(registryFromCli(values, io), ref);
  try {
    const result = await batchPredict({ model: servable, ...options });
    for (const part of result.parts) io.stdout(`wrote ${part.output} (${part.rows} rows from ${part.input})\n`);
    io.stdout(`${result.model.name}@${result.model.version}: ${result.rows} rows in ${result.parts.length} file${result.parts.length === 1 ? "" : "s"}\n`);
    return 0;
  } catch (error) {
    // the inputs do not fit the model: the user fixes the command's inputs, so it exits 2 like a configuration error
    if (error instanceof EnvelopeError && error.details["stage"] === "schema") throw new EnvelopeError("ENVELOPE_CONFIG", error.shortMessage, { cause: error, problems: error.problems, details: error.details });
    throw error;
  }
}
