import { buildIndexedJob, maxShards } from "../../batch/buildIndexedJob.ts";
import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { loadServable } from "../../serving/loadServable.ts";
import { parseModelRef } from "../../serving/parseModelRef.ts";
import type { CliIo } from "../CliIo.ts";
import type { FlagValues } from "../Command.ts";
import { registryFromCli } from "../registryFromCli.ts";
import { whole } from "./serveCommand.ts";

/** the flags of `envelope batch` each pod passes on as given; --url and --token come from a Secret, --shard from the pod's index */
const passedOn = ["input", "output", "id", "features", "on", "s3-endpoint", "chunk-rows", "workers", "timeout", "max-memory"] as const;

/**
 * `envelope batch MODEL ... --print-k8s-job --shards N`: prints (as JSON, which `kubectl apply -f`
 * takes) a Kubernetes Indexed Job of N pods, each running its shard of the same batch. MODEL is
 * resolved in the registry first and pinned as `name@version`, so every pod runs the same
 * version even when a newer one is saved during the run. Nothing runs here.
 */
export async function batchJobCommand(model: string, values: FlagValues, io: CliIo): Promise<number> {
  if (typeof values["input"] !== "string" || typeof values["output"] !== "string") throw new EnvelopeError("ENVELOPE_CONFIG", "--input GLOB and --output DIR are both required");
  if (values["shards"] === undefined) throw new EnvelopeError("ENVELOPE_CONFIG", `--print-k8s-job needs --shards N: expected the number of pods (1 to ${maxShards}) to split the inputs over`);
  if (values["shard"] !== undefined) throw new EnvelopeError("ENVELOPE_CONFIG", `--shard ${values["shard"]}: not with --print-k8s-job, whose pods each run their own shard; expected --shards N alone`);
  const shards = whole(values, "shards", 1, 1, maxShards);
  const { envelope } = await loadServable(registryFromCli(values, io), parseModelRef(model));
  const args = passedOn.flatMap((name) => (typeof values[name] === "string" ? [`--${name}`, values[name]] : []));
  const text = (name: string) => (typeof values[name] === "string" ? { [name]: values[name] } : {});
  const job = buildIndexedJob({
    model: `${envelope.name}@${envelope.version}`,
    args,
    shards,
    image: typeof values["image"] === "string" ? values["image"] : "envelope-platform:latest",
    workers: whole(values, "workers", 1, 1, 64),
    memoryLimitMb: whole(values, "max-memory", 512, 16, 1024 * 1024),
    outputDir: values["output"],
    ...text("namespace"),
    ...(typeof values["output-claim"] === "string" ? { outputClaim: values["output-claim"] } : {}),
  });
  io.stdout(`${JSON.stringify(job, null, 2)}\n`);
  return 0;
}
