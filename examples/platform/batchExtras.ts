import { execFile } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { DuckDBInstance } from "@duckdb/node-api";
import { batchPredict, loadServable, parseModelRef, Registry } from "@envelope/platform";
import { saveScoringModel } from "./batch.ts";
import { startBucket } from "./startBucket.ts";

/**
 * With `features`, the input holds only ids (and whatever else it has) and a feature table holds
 * the model's inputs by id: each input row is joined to its features row by the key columns
 * `on`, in the input's order, before the schema check and the run.
 * @example batch.features
 * @timeout 30000
 * @expect
 * {"client_id":104,"churn":false,"probability":0.364,"model":"churn-score","version":{...}}
 * {"client_id":101,"churn":true,"probability":0.878,"model":"churn-score","version":{...}}
 * {"client_id":103,"churn":false,"probability":0.064,"model":"churn-score","version":{...}}
 */
export async function joinFeatures() {
  await saveScoringModel(); // hide
  const dir = mkdtempSync(path.join(tmpdir(), "batch-"));
  const duckdb = await (await DuckDBInstance.create(":memory:")).connect();
  try {
    // the clients to score, by id, and a feature table with a row per id (in another order)
    await duckdb.run(`COPY (SELECT * FROM (VALUES (104, 'pro'), (101, 'basic'), (103, 'basic')) t(client_id, plan)) TO '${dir}/clients.parquet' (FORMAT parquet)`);
    await duckdb.run(`COPY (SELECT * FROM (VALUES (101, 3, 70.5), (102, 40, 20.0), (103, 48, 35.0), (104, 12, 30.0)) t(client_id, tenure, monthly)) TO '${dir}/features.csv' (HEADER)`);
    const model = await loadServable(Registry.fromEnv(), parseModelRef("churn-score@latest"));
    await batchPredict({ model, inputs: [`${dir}/clients.parquet`], outputDir: `${dir}/out`, features: { table: `${dir}/features.csv`, on: ["client_id"] } });
    const written = await duckdb.runAndReadAll(`SELECT client_id::INTEGER AS client_id, churn, probability, model, version FROM '${dir}/out/clients.parquet'`);
    for (const row of written.getRowObjectsJS()) console.log(JSON.stringify(row));
  } finally {
    duckdb.closeSync();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `s3://bucket/prefix/*.parquet` inputs are listed and downloaded (streamed to a temporary folder,
 * a few at a time, removed after the run) and keep their `s3://` names in the results, outputs
 * and messages. Here the bucket is on an S3-compatible server on loopback, so `s3.endpoint` names it.
 * @example batch.s3
 * @timeout 60000
 * @expect
 * s3://clients/2026-11/part-0.parquet: 500 rows -> out/part-0.parquet
 * s3://clients/2026-11/part-1.parquet: 500 rows -> out/part-1.parquet
 */
export async function readFromS3() {
  await saveScoringModel(); // hide
  const dir = mkdtempSync(path.join(tmpdir(), "batch-"));
  const duckdb = await (await DuckDBInstance.create(":memory:")).connect(); // hide
  for (const part of [0, 1]) await duckdb.run(`COPY (SELECT ${part} * 500 + i AS client_id, i % 72 AS tenure, 15 + i % 80 AS monthly, 'pro' AS plan FROM range(500) t(i)) TO '${dir}/part-${part}.parquet' (FORMAT parquet)`); // hide
  duckdb.closeSync(); // hide
  // an S3-compatible server on loopback with two parts of a client table
  const bucket = await startBucket(dir, { "2026-11/part-0.parquet": `${dir}/part-0.parquet`, "2026-11/part-1.parquet": `${dir}/part-1.parquet` });
  try {
    const model = await loadServable(Registry.fromEnv(), parseModelRef("churn-score@latest"));
    const result = await batchPredict({
      model,
      inputs: ["s3://clients/2026-11/*.parquet"],
      outputDir: `${dir}/out`,
      // credentials as the AWS SDK reads them; without an endpoint, AWS S3 itself
      s3: { endpoint: bucket.endpoint, env: { AWS_ACCESS_KEY_ID: "S3RVER", AWS_SECRET_ACCESS_KEY: "S3RVER" } },
    });
    for (const part of result.parts) console.log(`${part.input}: ${part.rows} rows -> ${path.relative(dir, part.output)}`);
  } finally {
    await bucket.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * `--print-k8s-job --shards N` prints a Kubernetes Indexed Job (JSON, which `kubectl apply -f`
 * takes) whose N pods each run one shard of the same batch, the model pinned to the version it
 * names now. Nothing runs.
 * @example batch.k8s-job
 * @timeout 60000
 * @expect
 * {
 *   "apiVersion": "batch/v1",
 *   "kind": "Job",
 *   "metadata": {
 *     "name": "envelope-batch-churn-score-{...}",
 *     "namespace": "ml",
 *     "labels": {
 *       "app.kubernetes.io/name": "envelope-batch",
 *       "app.kubernetes.io/instance": "envelope-batch-churn-score-{...}"
 *     }
 *   },
 *   "spec": {
 *     "completionMode": "Indexed",
 *     "completions": 4,
 *     "parallelism": 4,
 *     "backoffLimitPerIndex": 1,
 *     "podFailurePolicy": {
 *       "rules": [
 *         {
 *           "action": "FailIndex",
 *           "onExitCodes": {
 *             "containerName": "batch",
 *             "operator": "In",
 *             "values": [
 *               2
 *             ]
 *           }
 *         }
 *       ]
 *     },
 *     "template": {
 *       "metadata": {
 *         "labels": {
 *           "app.kubernetes.io/name": "envelope-batch",
 *           "app.kubernetes.io/instance": "envelope-batch-churn-score-{...}"
 *         }
 *       },
 *       "spec": {
 *         "restartPolicy": "Never",
 *         "containers": [
 *           {
 *             "name": "batch",
 *             "image": "registry.example.com/envelope-platform:0.1.0",
 *             "command": [
 *               "envelope",
 *               "batch",
 *               "churn-score@{...}",
 *               "--input",
 *               "s3://clients/2026-11/*.parquet",
 *               "--output",
 *               "/predictions/2026-11",
 *               "--workers",
 *               "2",
 *               "--shard",
 *               "env:JOB_COMPLETION_INDEX/4"
 *             ],
 *             "env": [
 *               {
 *                 "name": "ENVELOPE_REGISTRY_URL",
 *                 "valueFrom": {
 *                   "secretKeyRef": {
 *                     "name": "envelope-registry",
 *                     "key": "url"
 *                   }
 *                 }
 *               },
 *               {
 *                 "name": "ENVELOPE_TOKEN",
 *                 "valueFrom": {
 *                   "secretKeyRef": {
 *                     "name": "envelope-registry",
 *                     "key": "token"
 *                   }
 *                 }
 *               },
 *               {
 *                 "name": "AWS_ACCESS_KEY_ID",
 *                 "valueFrom": {
 *                   "secretKeyRef": {
 *                     "name": "envelope-s3",
 *                     "key": "AWS_ACCESS_KEY_ID",
 *                     "optional": true
 *                   }
 *                 }
 *               },
 *               {
 *                 "name": "AWS_SECRET_ACCESS_KEY",
 *                 "valueFrom": {
 *                   "secretKeyRef": {
 *                     "name": "envelope-s3",
 *                     "key": "AWS_SECRET_ACCESS_KEY",
 *                     "optional": true
 *                   }
 *                 }
 *               }
 *             ],
 *             "resources": {
 *               "requests": {
 *                 "cpu": "2",
 *                 "memory": "1536Mi"
 *               },
 *               "limits": {
 *                 "memory": "1536Mi"
 *               }
 *             },
 *             "volumeMounts": [
 *               {
 *                 "name": "output",
 *                 "mountPath": "/predictions/2026-11"
 *               }
 *             ]
 *           }
 *         ],
 *         "volumes": [
 *           {
 *             "name": "output",
 *             "persistentVolumeClaim": {
 *               "claimName": "predictions"
 *             }
 *           }
 *         ]
 *       }
 *     }
 *   }
 * }
 */
export async function printKubernetesJob() {
  await saveScoringModel(); // hide
  const run = promisify(execFile);
  const { stdout } = await run("npx", [
    "envelope", "batch", "churn-score",
    "--input", "s3://clients/2026-11/*.parquet", "--output", "/predictions/2026-11", "--workers", "2",
    "--print-k8s-job", "--shards", "4", "--image", "registry.example.com/envelope-platform:0.1.0",
    "--namespace", "ml", "--output-claim", "predictions",
  ]);
  console.log(stdout.trimEnd());
}
