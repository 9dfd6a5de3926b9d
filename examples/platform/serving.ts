import { fileURLToPath } from "node:url";
import { loadServable, parseModelRef, Registry, serve, type UsageEvent, type UsageSink } from "@envelope/platform";

const modelFile = fileURLToPath(new URL("./models/churnScore.ts", import.meta.url));

/** the training sample: three columns, whose ranges the envelope keeps */
const training = [
  { tenure: 2, monthly: 89.9, plan: "basic" },
  { tenure: 24, monthly: 49.5, plan: "pro" },
  { tenure: 60, monthly: 15, plan: "pro" },
];

/** saves churn-score with the model's code; the examples below serve its latest version */
async function saveChurnScore() {
  await Registry.fromEnv().save({
    name: "churn-score",
    artifact: { weights: { tenure: -0.08, monthly: 0.03, basic: 0.6 }, bias: -0.5 },
    inputs: training,
    outputs: [{ churn: true, probability: 0.9 }],
    code: modelFile,
    tags: { stage: "prod" },
  });
}

/**
 * A model is servable when its envelope's code exports `predict(rows, state)`: save it with
 * `code`, and the sample rows give the shape the service checks requests against.
 * @example serving.save
 * @timeout 20000
 * @expect
 * saved churn-score v{...}
 * inputs: tenure integer, monthly number, plan string
 * outputs: churn boolean, probability number
 * code: churnScore.ts ({...} bytes)
 */
export async function saveServable() {
  const registry = Registry.fromEnv();
  const saved = await registry.save({
    name: "churn-score",
    // the state predict gets: the artifact
    artifact: { weights: { tenure: -0.08, monthly: 0.03, basic: 0.6 }, bias: -0.5 },
    inputs: [
      { tenure: 2, monthly: 89.9, plan: "basic" },
      { tenure: 24, monthly: 49.5, plan: "pro" },
      { tenure: 60, monthly: 15, plan: "pro" },
    ],
    outputs: [{ churn: true, probability: 0.9 }],
    code: fileURLToPath(new URL("./models/churnScore.ts", import.meta.url)),
    tags: { stage: "prod" },
  });
  const { function: fn, context } = await registry.get("churn-score", saved.version);
  console.log(`saved ${saved.name} v${saved.version}`);
  console.log(`inputs: ${fn.shape.inputs.map((field) => `${field.name} ${field.type}`).join(", ")}`);
  console.log(`outputs: ${fn.shape.outputs.map((field) => `${field.name} ${field.type}`).join(", ")}`);
  console.log(`code: ${context.code?.entry} (${context.code?.code.length} bytes)`);
}

/**
 * `serve` starts the prediction service of a saved envelope; port 0 picks a free one. The model
 * runs in a worker process of its own.
 * @example serving.serve
 * @timeout 20000
 * @expect
 * serving churn-score@{...} on http://127.0.0.1:{...}
 * {"ok":true,"model":"churn-score","version":{...},"workers":{"ready":1,"size":1,"replaced":0,"busy":0,"queued":0}}
 */
export async function serveModel() {
  await saveChurnScore(); // hide
  const { envelope, state } = await loadServable(Registry.fromEnv(), parseModelRef("churn-score@latest"));
  const service = await serve(envelope, { state, port: 0 });
  try {
    console.log(`serving ${service.model.name}@${service.model.version} on ${service.url}`);
    console.log(JSON.stringify(await (await fetch(`${service.url}/healthz`)).json()));
  } finally {
    await service.close();
  }
}

/**
 * `POST /predict` takes a batch of rows and answers one prediction per row, in order. A value
 * outside the training range is served, and counted as drift in the `x-envelope-drift` header.
 * @example serving.predict
 * @timeout 20000
 * @expect
 * 200 drift: tenure=1
 * {"model":"churn-score","version":{...},"predictions":[{"churn":true,"probability":0.877},{"churn":false,"probability":0.023},{"churn":false,"probability":0}]}
 */
export async function predictRows() {
  await saveChurnScore(); // hide
  const { envelope, state } = await loadServable(Registry.fromEnv(), parseModelRef("name=churn-score,stage=prod"));
  const service = await serve(envelope, { state, port: 0 });
  try {
    const rows = [
      { tenure: 3, monthly: 70, plan: "basic" },
      { tenure: 48, monthly: 20, plan: "pro" },
      { tenure: 120, monthly: 20, plan: "pro" },
    ];
    const response = await fetch(`${service.url}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ rows }) });
    console.log(`${response.status} drift: ${response.headers.get("x-envelope-drift")}`);
    console.log(await response.text());
  } finally {
    await service.close();
  }
}

/**
 * Rows that do not fit the shape get a 422 that lists every problem: the row, the field, what
 * was expected and what was sent. The model never sees them.
 * @example serving.predict-422
 * @timeout 20000
 * @expectError /422 ENVELOPE_INVALID: 3 problems in the rows/
 */
export async function predictBadRows() {
  await saveChurnScore(); // hide
  const { envelope, state } = await loadServable(Registry.fromEnv(), parseModelRef("churn-score"));
  const service = await serve(envelope, { state, port: 0 });
  try {
    const rows = [
      { tenure: "3", monthly: 70, plan: "basic" },
      { tenure: 48, plan: "pro", discount: 0.1 },
    ];
    const response = await fetch(`${service.url}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ rows }) });
    const { error } = (await response.json()) as { error: { code: string; message: string; problems: Array<{ row: number; field: string; expected: string; got: string }> } };
    console.log(`${response.status} ${error.code}: ${error.message}`);
    for (const problem of error.problems) console.log(`row ${problem.row}, ${problem.field}: expected ${problem.expected}, got ${problem.got}`);
    throw new Error(`${response.status} ${error.code}: ${error.message}`);
  } finally {
    await service.close();
  }
}

/**
 * With `tracking`, each request is a usage event `predict`: its rows, its outcome, the service
 * as user. A sink with `sendJson` gets each batch as the JSON text the service writes straight
 * from what it kept of each request, what the events share written once (`shared`); one with
 * only `send` gets the events.
 * @example serving.tracking
 * @timeout 20000
 * @expect
 * 2 events, sent as JSON text: fn, success, errorClass, errorCode, errorMessage, user, team, clientVersion, model shared
 * predict churn-score@{...} by churn-api: rows 2, success
 * predict churn-score@{...} by churn-api: rows 0, ENVELOPE_INVALID
 */
export async function serveTracked() {
  await saveChurnScore(); // hide
  const { envelope, state } = await loadServable(Registry.fromEnv(), parseModelRef("churn-score"));
  const batches: string[] = [];
  const sink: UsageSink = { send: async () => {}, sendJson: async (body) => void batches.push(body) };
  const service = await serve(envelope, { state, port: 0, service: "churn-api", tracking: sink });
  const predict = (body: unknown) => fetch(`${service.url}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  await predict({ rows: [{ tenure: 3, monthly: 70, plan: "basic" }, { tenure: 48, monthly: 20, plan: "pro" }] });
  await predict({ rows: [{ tenure: "3" }] });
  await service.close(); // sends what is queued
  const sent = batches.map((body) => JSON.parse(body) as { shared: Partial<UsageEvent>; events: Array<Partial<UsageEvent>> });
  // each event is `shared` with its own fields over it
  const events = sent.flatMap(({ shared, events }) => events.map((event) => ({ ...shared, ...event }) as UsageEvent));
  console.log(`${events.length} events, sent as JSON text: ${Object.keys(sent[0]!.shared).join(", ")} shared`);
  for (const event of events) console.log(`${event.fn} ${event.model} by ${event.user}: rows ${(event.args as Array<{ rows: number }>)[0]!.rows}, ${event.success ? "success" : event.errorCode}`);
}

/**
 * `GET /openapi.json` describes the service, generated from the envelope's shape: the request's
 * rows and the predictions with their field names and types.
 * @example serving.openapi
 * @timeout 20000
 * @expect
 * POST /predict: Predict a batch of rows; one prediction per row, in order
 * GET /openapi.json: This document
 * GET /healthz: Liveness, the model version served and its workers
 * GET /metrics: Prometheus metrics: requests, errors, latency, drift per field
 * Row: {"tenure":{"type":"integer"},"monthly":{"type":"number"},"plan":{"type":"string"}}, required tenure, monthly, plan
 * Prediction: {"churn":{"type":"boolean"},"probability":{"type":"number"}}, required churn, probability
 */
export async function openApi() {
  await saveChurnScore(); // hide
  const { envelope, state } = await loadServable(Registry.fromEnv(), parseModelRef("churn-score"));
  const service = await serve(envelope, { state, port: 0 });
  try {
    const document = (await (await fetch(`${service.url}/openapi.json`)).json()) as {
      paths: Record<string, Record<string, { summary: string }>>;
      components: { schemas: Record<string, { properties: unknown; required: string[] }> };
    };
    for (const [path, operations] of Object.entries(document.paths)) {
      for (const [method, operation] of Object.entries(operations)) console.log(`${method.toUpperCase()} ${path}: ${operation.summary}`);
    }
    for (const name of ["Row", "Prediction"]) {
      const schema = document.components.schemas[name]!;
      console.log(`${name}: ${JSON.stringify(schema.properties)}, required ${schema.required.join(", ")}`);
    }
  } finally {
    await service.close();
  }
}

/**
 * `GET /metrics` is Prometheus text: requests by status, errors by code, a latency histogram,
 * and drift per input field.
 * @example serving.metrics
 * @timeout 20000
 * @expect
 * envelope_predict_requests_total{status="200"} 2
 * envelope_predict_requests_total{status="422"} 1
 * envelope_predict_errors_total{code="ENVELOPE_INVALID"} 1
 * envelope_predict_duration_seconds_count 3
 * envelope_input_drift_total{field="tenure"} 0
 * envelope_input_drift_total{field="monthly"} 2
 * envelope_input_drift_total{field="plan"} 0
 */
export async function metrics() {
  await saveChurnScore(); // hide
  const { envelope, state } = await loadServable(Registry.fromEnv(), parseModelRef("churn-score"));
  const service = await serve(envelope, { state, port: 0 });
  try {
    const predict = (rows: unknown[]) => fetch(`${service.url}/predict`, { method: "POST", body: JSON.stringify({ rows }) });
    await predict([{ tenure: 12, monthly: 120, plan: "pro" }]);
    await predict([{ tenure: 12, monthly: 5, plan: "pro" }]);
    await predict([{ tenure: 12 }]);
    const text = await (await fetch(`${service.url}/metrics`)).text();
    for (const line of text.split("\n")) if (/^envelope_(predict_(requests|errors)_total|predict_duration_seconds_count|input_drift_total)/.test(line)) console.log(line);
  } finally {
    await service.close();
  }
}
