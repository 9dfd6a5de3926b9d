import { EnvelopeError } from "../errors/EnvelopeError.ts";

/** What a Kubernetes Indexed Job running a batch's shards is made of. */
export interface IndexedJobOptions {
  /** the model, best pinned (`churn@3`) so every shard runs the same version */
  model: string;
  /** `envelope batch`'s flags every pod passes on (`--input`, `--output`, ...), without `--shard`, `--url` or `--token` */
  args: readonly string[];
  /** the shards, one completion (pod index) each */
  shards: number;
  /** pods at once; default `shards` */
  parallelism?: number;
  /** an image with the platform installed, so that `envelope` is on its PATH */
  image: string;
  namespace?: string;
  /** the Job's name; default `envelope-batch-<model>` made a DNS label */
  name?: string;
  /** worker processes per pod and each one's heap limit: the pod's memory is sized from them */
  workers: number;
  memoryLimitMb: number;
  /** the Secret holding the registry's `url` and `token`; default `envelope-registry` */
  registrySecret?: string;
  /** an optional Secret with `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY` for s3:// inputs (left out when absent, as with a pod role); default `envelope-s3` */
  s3Secret?: string;
  /** a PersistentVolumeClaim mounted at `outputDir`, so that the outputs outlive the pods */
  outputClaim?: string;
  outputDir?: string;
  /** retries of one index before it counts as failed (the others go on); default 1 */
  backoffLimitPerIndex?: number;
}

/** Kubernetes' limit on an Indexed Job's completions and parallelism. */
export const maxShards = 100_000;

/** memory a pod needs besides its workers' heaps: the main process, DuckDB's reading and the output table */
export const podOverheadMb = 512;

/** The env var Kubernetes sets to a pod's index in an Indexed Job, read by `--shard env:JOB_COMPLETION_INDEX/N`. */
export const completionIndexVariable = "JOB_COMPLETION_INDEX";

function dnsLabel(text: string): string {
  return text.toLowerCase().replace(/[^a-z0-9-]+/g, "-").replace(/^-+/, "").slice(0, 63).replace(/-+$/, "");
}

/**
 * A Kubernetes `batch/v1` Job (a plain object, printed as JSON) whose `shards` pods each run
 * `envelope batch MODEL ARGS --shard env:JOB_COMPLETION_INDEX/N`: `completionMode: Indexed`
 * gives pod i the index i in JOB_COMPLETION_INDEX, so the pods together run every input part once.
 * The registry's URL and token come from a Secret (never the manifest); the container's memory
 * request and limit are the workers' heaps plus `podOverheadMb`; an index is retried
 * `backoffLimitPerIndex` times, except for exit code 2 (the inputs do not fit the model), which
 * fails the index at once. ENVELOPE_CONFIG when `shards` or `parallelism` is not a whole number
 * from 1 to `maxShards`. Pure.
 */
export function buildIndexedJob(options: IndexedJobOptions): Record<string, unknown> {
  const { shards } = options;
  const parallelism = options.parallelism ?? shards;
  if (!Number.isSafeInteger(shards) || shards < 1 || shards > maxShards) throw new EnvelopeError("ENVELOPE_CONFIG", `--shards ${shards}: expected a whole number of shards from 1 to ${maxShards}`);
  if (!Number.isSafeInteger(parallelism) || parallelism < 1 || parallelism > shards) throw new EnvelopeError("ENVELOPE_CONFIG", `parallelism ${parallelism}: expected a whole number from 1 to the shards (${shards})`);
  const name = options.name ?? (dnsLabel(`envelope-batch-${options.model}`) || "envelope-batch");
  const labels = { "app.kubernetes.io/name": "envelope-batch", "app.kubernetes.io/instance": name };
  const memory = `${options.workers * options.memoryLimitMb + podOverheadMb}Mi`;
  const secret = (secretName: string, key: string, optional = false) => ({ secretKeyRef: { name: secretName, key, ...(optional ? { optional: true } : {}) } });
  const registry = options.registrySecret ?? "envelope-registry";
  const s3 = options.s3Secret ?? "envelope-s3";
  const usesS3 = options.args.some((arg) => arg.startsWith("s3://"));
  const env = [
    { name: "ENVELOPE_REGISTRY_URL", valueFrom: secret(registry, "url") },
    { name: "ENVELOPE_TOKEN", valueFrom: secret(registry, "token") },
    ...(usesS3 ? ["AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"].map((key) => ({ name: key, valueFrom: secret(s3, key, true) })) : []),
  ];
  const claim = options.outputClaim === undefined || options.outputDir === undefined ? undefined : { claim: options.outputClaim, path: options.outputDir };
  return {
    apiVersion: "batch/v1",
    kind: "Job",
    metadata: { name, ...(options.namespace === undefined ? {} : { namespace: options.namespace }), labels },
    spec: {
      completionMode: "Indexed",
      completions: shards,
      parallelism,
      backoffLimitPerIndex: options.backoffLimitPerIndex ?? 1,
      // exit code 2 is a schema or flag problem: retrying the index cannot help
      podFailurePolicy: { rules: [{ action: "FailIndex", onExitCodes: { containerName: "batch", operator: "In", values: [2] } }] },
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: "Never",
          containers: [
            {
              name: "batch",
              image: options.image,
              command: ["envelope", "batch", options.model, ...options.args, "--shard", `env:${completionIndexVariable}/${shards}`],
              env,
              resources: { requests: { cpu: String(options.workers), memory }, limits: { memory } },
              ...(claim ? { volumeMounts: [{ name: "output", mountPath: claim.path }] } : {}),
            },
          ],
          ...(claim ? { volumes: [{ name: "output", persistentVolumeClaim: { claimName: claim.claim } }] } : {}),
        },
      },
    },
  };
}
