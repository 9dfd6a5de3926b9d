import { Job } from "kubernetes-models/batch/v1/Job";
import { describe, expect, test } from "vitest";
import { buildIndexedJob, type IndexedJobOptions } from "../../src/batch/buildIndexedJob.ts";
import { parseShardFlag } from "../../src/batch/parseShardFlag.ts";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";

const options: IndexedJobOptions = { model: "churn-score@3", args: ["--input", "s3://data/clients/*.parquet", "--output", "/predictions"], shards: 4, image: "registry.example/envelope:1", workers: 2, memoryLimitMb: 512, outputClaim: "predictions", outputDir: "/predictions" };

type Container = { command: string[]; env: Array<{ name: string; valueFrom?: unknown; value?: unknown }>; resources: unknown; volumeMounts?: unknown };
const containerOf = (job: Record<string, unknown>) => (job as { spec: { template: { spec: { containers: Container[] } } } }).spec.template.spec.containers[0]!;

describe("buildIndexedJob", () => {
  test("validates against the Kubernetes batch/v1 Job schema (kubernetes-models)", () => {
    expect(() => new Job(buildIndexedJob(options) as never).validate()).not.toThrow();
    const unmounted: IndexedJobOptions = { model: "churn-score@3", args: ["--input", "data/*.parquet", "--output", "out"], shards: 3, parallelism: 2, image: "envelope:1", namespace: "ml", workers: 1, memoryLimitMb: 256 };
    expect(() => new Job(buildIndexedJob(unmounted) as never).validate()).not.toThrow();
  });

  test("the schema check is not vacuous: a Job with its completions as text is refused", () => {
    const job = buildIndexedJob(options) as { spec: Record<string, unknown> };
    job.spec["completions"] = "4";
    expect(() => new Job(job as never).validate()).toThrow(/completions must be integer/);
  });

  test("N completions, Indexed, each pod running its shard from JOB_COMPLETION_INDEX, with the registry from a Secret", () => {
    const job = buildIndexedJob({ ...options, namespace: "ml" }) as { metadata: Record<string, unknown>; spec: Record<string, unknown> };
    expect(job.metadata).toEqual({ name: "envelope-batch-churn-score-3", namespace: "ml", labels: { "app.kubernetes.io/name": "envelope-batch", "app.kubernetes.io/instance": "envelope-batch-churn-score-3" } });
    expect([job.spec["completionMode"], job.spec["completions"], job.spec["parallelism"], job.spec["backoffLimitPerIndex"]]).toEqual(["Indexed", 4, 4, 1]);
    const container = containerOf(job);
    expect(container.command).toEqual(["envelope", "batch", "churn-score@3", "--input", "s3://data/clients/*.parquet", "--output", "/predictions", "--shard", "env:JOB_COMPLETION_INDEX/4"]);
    expect(container.env).toEqual([
      { name: "ENVELOPE_REGISTRY_URL", valueFrom: { secretKeyRef: { name: "envelope-registry", key: "url" } } },
      { name: "ENVELOPE_TOKEN", valueFrom: { secretKeyRef: { name: "envelope-registry", key: "token" } } },
      { name: "AWS_ACCESS_KEY_ID", valueFrom: { secretKeyRef: { name: "envelope-s3", key: "AWS_ACCESS_KEY_ID", optional: true } } },
      { name: "AWS_SECRET_ACCESS_KEY", valueFrom: { secretKeyRef: { name: "envelope-s3", key: "AWS_SECRET_ACCESS_KEY", optional: true } } },
    ]);
    // two workers of 512 MB heap and the pod's own 512 MB
    expect(container.resources).toEqual({ requests: { cpu: "2", memory: "1536Mi" }, limits: { memory: "1536Mi" } });
    expect(container.volumeMounts).toEqual([{ name: "output", mountPath: "/predictions" }]);
  });

  test("the pods' shards, read as each pod reads its index, cover every shard once", () => {
    const command = containerOf(buildIndexedJob(options)).command;
    const flag = command[command.indexOf("--shard") + 1]!;
    expect([0, 1, 2, 3].map((index) => parseShardFlag(flag, { JOB_COMPLETION_INDEX: String(index) }))).toEqual([0, 1, 2, 3].map((index) => ({ index, count: 4 })));
    expect(() => parseShardFlag(flag, {})).toThrow(/^--shard env:JOB_COMPLETION_INDEX\/4: JOB_COMPLETION_INDEX is not set/);
    expect(() => parseShardFlag(flag, { JOB_COMPLETION_INDEX: "4" })).toThrow(/^--shard env:JOB_COMPLETION_INDEX\/4: JOB_COMPLETION_INDEX=4; expected i\/N with 0 <= i < N/);
  });

  test.each([0, -1, 1.5, Number.NaN, 100_001])("refuses %d shards", (shards) => {
    expect(() => buildIndexedJob({ ...options, shards })).toThrow(EnvelopeError);
    expect(() => buildIndexedJob({ ...options, shards })).toThrow(/^--shards \S+: expected a whole number of shards from 1 to 100000$/);
  });
});
