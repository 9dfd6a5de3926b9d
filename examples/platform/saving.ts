import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { deriveFields, loadCustomCode, Registry, summarizeFeatures } from "@envelope/platform";

/**
 * The shape is derived from sample rows: each column's type (`integer` when every number is
 * whole) and whether it may be null.
 * @example platform.derive-shape
 * @expect
 * age: integer, nullable
 * plan: string
 * monthly: number
 * active: boolean
 */
export function deriveShape() {
  const rows = [
    { age: 34, plan: "pro", monthly: 49.5, active: true },
    { age: 51, plan: "basic", monthly: 9.99, active: false },
    { age: null, plan: "pro", monthly: 49.5, active: true },
  ];
  for (const field of deriveFields(rows)) console.log(`${field.name}: ${field.type}${field.nullable ? ", nullable" : ""}`);
}

/**
 * Summary statistics of the training features travel in the envelope: count and nulls for every
 * column, min, max and mean for numbers, distinct values for strings, trues for booleans.
 * @example platform.summaries
 * @expect
 * age: {"type":"integer","count":2,"nulls":1,"min":34,"max":51,"mean":42.5}
 * plan: {"type":"string","count":3,"nulls":0,"distinct":2}
 * monthly: {"type":"number","count":3,"nulls":0,"min":9.99,"max":49.5,"mean":36.33}
 * active: {"type":"boolean","count":3,"nulls":0,"trues":2}
 */
export function summaries() {
  const rows = [
    { age: 34, plan: "pro", monthly: 49.5, active: true },
    { age: 51, plan: "basic", monthly: 9.99, active: false },
    { age: null, plan: "pro", monthly: 49.5, active: true },
  ];
  for (const [name, summary] of Object.entries(summarizeFeatures(rows))) {
    const rounded = "mean" in summary && summary.mean !== null ? { ...summary, mean: Math.round(summary.mean * 100) / 100 } : summary;
    console.log(`${name}: ${JSON.stringify(rounded)}`);
  }
}

/**
 * Each save of a name is a new version; `get` reads the latest unless you name one.
 * @example platform.versions
 * @expect
 * saved ltv v1
 * saved ltv v2
 * latest is v2, trained on 2 rows
 * v1 was trained on 1 rows
 */
export async function versions() {
  const registry = Registry.fromEnv();
  const samples = [[{ visits: 3 }], [{ visits: 3 }, { visits: 10 }]];
  for (const inputs of samples) {
    const saved = await registry.save({ name: "ltv", artifact: { slope: 2.5 }, inputs, outputs: inputs.map(() => ({ value: 1.5 })) });
    console.log(`saved ${saved.name} v${saved.version}`);
  }
  const latest = await registry.get("ltv");
  console.log(`latest is v${latest.version}, trained on ${latest.data.features["visits"]?.count} rows`);
  const first = await registry.get("ltv", 1);
  console.log(`v1 was trained on ${first.data.features["visits"]?.count} rows`);
}

/**
 * The context records where the model runs: the Node version, the package versions read from
 * your lock file, and custom code of your own, bundled with esbuild so that it loads anywhere.
 * @example platform.context
 * @timeout 20000
 * @expect
 * node v{...}
 * packages: {"lodash":"4.17.21"}
 * custom code: preprocess.ts, {...} bytes
 * scaled 25 -> 0.25
 */
export async function context() {
  // a project of two files: its lock file, and a module of its own
  const dir = mkdtempSync(path.join(tmpdir(), "envelope-context-"));
  const lock = { lockfileVersion: 3, packages: { "": { dependencies: { lodash: "^4.17.0" } }, "node_modules/lodash": { version: "4.17.21" } } };
  writeFileSync(path.join(dir, "package-lock.json"), JSON.stringify(lock));
  writeFileSync(path.join(dir, "preprocess.ts"), "export function scale(x: number): number {\n  return x / 100;\n}\n");
  const registry = Registry.fromEnv();
  await registry.save({
    name: "scaled-score",
    artifact: { weights: [1] },
    inputs: [{ x: 25 }],
    outputs: [{ y: 0.25 }],
    lockFile: path.join(dir, "package-lock.json"),
    code: path.join(dir, "preprocess.ts"),
  });
  const { context } = await registry.get("scaled-score");
  console.log(`node ${context.node}`);
  console.log(`packages: ${JSON.stringify(context.packages)}`);
  console.log(`custom code: ${context.code?.entry}, ${context.code?.code.length} bytes`);
  const { scale } = await loadCustomCode<{ scale: (x: number) => number }>(context.code!);
  console.log(`scaled 25 -> ${scale(25)}`);
  rmSync(dir, { recursive: true, force: true }); // hide
}

/**
 * The artifact comes back exactly as saved: JSON parsed, or bytes.
 * @example platform.artifact
 * @expect
 * weights: [0.5,-0.25]
 * bytes: 4 (de ad be ef)
 */
export async function artifact() {
  const registry = Registry.fromEnv();
  await registry.save({ name: "tiny-linear", artifact: { weights: [0.5, -0.25] }, inputs: [{ x: 1 }], outputs: [{ y: 0.25 }] });
  const model = await registry.artifactJson<{ weights: number[] }>("tiny-linear");
  console.log(`weights: ${JSON.stringify(model.weights)}`);
  await registry.save({ name: "tiny-onnx", artifact: new Uint8Array([0xde, 0xad, 0xbe, 0xef]), mediaType: "application/onnx", inputs: [{ x: 1 }], outputs: [{ y: 1 }] });
  const bytes = await registry.artifact("tiny-onnx");
  console.log(`bytes: ${bytes.length} (${Buffer.from(bytes).toString("hex").match(/../g)!.join(" ")})`);
}

/**
 * A JSON artifact is kept as the bytes it was sent as: over HTTP, numbers that JavaScript would
 * round (an integer beyond 2^53, 1e400) and digits as written come back unchanged.
 * @example platform.artifact-exact
 * @expect
 * saved: 201
 * {"weights": [9007199254740993, 1e400, 0.10]}
 */
export async function artifactExact() {
  const artifact = '{"weights": [9007199254740993, 1e400, 0.10]}';
  const fields = '{"inputs": [{"name": "x", "type": "number", "nullable": false}], "outputs": [{"name": "y", "type": "number", "nullable": false}]}';
  const body = `{"function": {"artifact": {"encoding": "json", "data": ${artifact}}, "shape": ${fields}}, "context": {"node": "v20.0.0", "packages": {}}, "data": {"features": {}, "metrics": []}, "tags": {}}`;
  const saved = await fetch(`${process.env["ENVELOPE_REGISTRY_URL"]}/v1/models/big-integers`, {
    method: "POST",
    headers: { authorization: `Bearer ${process.env["ENVELOPE_TOKEN"]}`, "content-type": "application/json" },
    body,
  });
  console.log(`saved: ${saved.status}`);
  const bytes = await Registry.fromEnv().artifact("big-integers");
  console.log(Buffer.from(bytes).toString("utf8"));
}
