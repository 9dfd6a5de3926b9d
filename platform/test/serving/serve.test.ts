import { afterAll, beforeAll, describe, expect, test, vi } from "vitest";
import { serve, type RunningService } from "../../src/serving/serve.ts";
import type { UsageEvent } from "../../src/tracking/UsageEvent.ts";
import { linearState, servableEnvelope } from "../support/servableEnvelope.ts";

async function post(service: RunningService, body: unknown) {
  const response = await fetch(`${service.url}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body: typeof body === "string" ? body : JSON.stringify(body) });
  return { status: response.status, json: (await response.json()) as any, headers: response.headers };
}

const row = (x: number) => ({ x, plan: "pro", visits: 2 });

describe("serve over HTTP on loopback", () => {
  let service: RunningService;
  const events: UsageEvent[] = [];
  const alerts: Array<{ text: string }> = [];
  const logged: string[] = [];
  const fakeFetch = (async (_url: string, init: RequestInit) => {
    alerts.push(JSON.parse(String(init.body)));
    return new Response("ok");
  }) as typeof fetch;

  beforeAll(async () => {
    service = await serve(servableEnvelope(), { state: linearState, timeoutMs: 3000, service: "linear-api", tracking: { send: async (batch) => void events.push(...batch) }, alerts: { webhook: "http://alerts.invalid/hook", minIntervalMs: 0, fetch: fakeFetch }, log: (line) => logged.push(line) });
  });
  afterAll(() => service.close());

  test("predicts a batch of rows, in order", async () => {
    const { status, json, headers } = await post(service, { rows: [row(1), row(2.5), { x: 3, plan: "basic", visits: null }, { x: 4, plan: "basic" }] });
    expect(status).toBe(200);
    expect(json).toEqual({ model: "linear", version: 3, predictions: [{ y: 3 }, { y: 6 }, { y: 7 }, { y: 9 }] });
    expect(headers.get("x-envelope-drift")).toBeNull();
  });

  test("a bad request is a 422 listing every problem with row, field, expected and got", async () => {
    const { status, json } = await post(service, { rows: [{ x: "1", plan: "pro", extra: true }, { plan: 3 }, row(1)] });
    expect(status).toBe(422);
    expect(json.error).toEqual({
      code: "ENVELOPE_INVALID",
      status: 422,
      message: "4 problems in the rows",
      problems: [
        { path: "rows[0].x", row: 0, field: "x", expected: "a number", got: '"1"' },
        { path: "rows[0].extra", row: 0, field: "extra", expected: "no such field (known: x, plan, visits)", got: "true" },
        { path: "rows[1].x", row: 1, field: "x", expected: "a number", got: "nothing" },
        { path: "rows[1].plan", row: 1, field: "plan", expected: "a string", got: "3" },
      ],
    });
  });

  test.each([
    // body, status, code
    ["{not json", 400, "ENVELOPE_MALFORMED_JSON"],
    ["", 400, "ENVELOPE_MALFORMED_JSON"],
    [[row(1)], 422, "ENVELOPE_INVALID"],
    [{ rows: [] }, 422, "ENVELOPE_INVALID"],
    [{ rows: row(1) }, 422, "ENVELOPE_INVALID"],
    [{ rows: [row(1)], limit: 3 }, 422, "ENVELOPE_INVALID"],
    [{ rows: [null, 1, "x"] }, 422, "ENVELOPE_INVALID"],
  ] as const)("body %j is %i %s, never a 500", async (body, status, code) => {
    const response = await post(service, body);
    expect(response.status).toBe(status);
    expect(response.json.error.code).toBe(code);
  });

  test("inputs outside the training range are served, and counted as drift in a header and /metrics", async () => {
    const { status, headers } = await post(service, { rows: [row(11), row(-0.5), row(5), { x: 1, plan: "pro", visits: 9 }] });
    expect(status).toBe(200);
    expect(headers.get("x-envelope-drift")).toBe("x=2, visits=1");
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain('envelope_input_drift_total{field="x"} 2\n');
    expect(metrics).toContain('envelope_input_drift_total{field="visits"} 1\n');
    expect(metrics).toContain('envelope_input_drift_total{field="plan"} 0\n');
  });

  test("/openapi.json, /healthz, and 404/405 for anything else", async () => {
    const openApi = (await (await fetch(`${service.url}/openapi.json`)).json()) as any;
    expect(openApi.components.schemas.Row.properties).toEqual({ x: { type: "number" }, plan: { type: "string" }, visits: { type: ["integer", "null"] } });
    expect(await (await fetch(`${service.url}/healthz`)).json()).toMatchObject({ ok: true, model: "linear", version: 3, workers: { ready: 1, size: 1 } });
    const missing = await fetch(`${service.url}/predict/7`, { method: "POST" });
    expect([missing.status, ((await missing.json()) as any).error.code]).toEqual([404, "ENVELOPE_NOT_FOUND"]);
    const wrong = await fetch(`${service.url}/predict`);
    expect([wrong.status, wrong.headers.get("allow")]).toEqual([405, "POST"]);
  });

  test("a model that throws is a 500 for that request only, with an alert naming model and version", async () => {
    const failed = await post(service, { rows: [row(1), row(-1)] });
    expect(failed.status).toBe(500);
    expect(failed.json.error).toMatchObject({ code: "ENVELOPE_MODEL_FAILED", message: "linear@3: predict threw RangeError: x must not be -1" });
    expect((await post(service, { rows: [row(1)] })).json.predictions).toEqual([{ y: 3 }]);
    await service.close().catch(() => {}); // flushes alerts and events; reopened below
    service = await serve(servableEnvelope(), { state: linearState, timeoutMs: 3000, log: (line) => logged.push(line) });
    expect(alerts.at(-1)?.text).toBe("predict failed for linear-api (churn) on linear@3: ENVELOPE_MODEL_FAILED (500)");
    const predictEvents = events.filter((event) => event.fn === "predict");
    expect(predictEvents.map((event) => [event.success, event.errorCode, event.model, event.user, event.team])).toContainEqual([false, "ENVELOPE_MODEL_FAILED", "linear@3", "linear-api", "churn"]);
    expect(predictEvents[0]!.args).toEqual([{ rows: 4 }]);
  });

  test("a model answering off its shape is a 500 listing what is wrong", async () => {
    const { status, json } = await post(service, { rows: [row(-5)] });
    expect(status).toBe(500);
    expect(json.error).toMatchObject({ code: "ENVELOPE_MODEL_FAILED", problems: [{ path: "predictions[0].y", row: 0, field: "y", expected: "a number", got: '"high"' }] });
  });

  test.each([
    // (the timeout, 3 s, leaves a replacement time to start on a busy machine before a queued request's deadline)
    // why, x, status, code, message, what happens to a request sent with it (if it waits behind the hanging one, its deadline passes too)
    ["hangs past the timeout", -2, 504, "ENVELOPE_MODEL_TIMEOUT", /predict took longer than 3000 ms \(counted from the request's arrival\); its worker was stopped and replaced/, "answered or timed out unrun"],
    ["exits its worker", -3, 500, "ENVELOPE_MODEL_CRASHED", /the model's worker exited with code 3 during predict; it was replaced/, "answered"],
    ["crashes its worker from a callback", -4, 500, "ENVELOPE_MODEL_CRASHED", /the model's worker crashed \(Error: callback boom\) during predict/, "answered"],
  ] as const)("a model that %s: %i %s, the worker is replaced, the service keeps serving", async (_why, x, status, code, message, queuedOutcome) => {
    const before = ((await (await fetch(`${service.url}/healthz`)).json()) as any).workers.replaced;
    // a request queued behind the failing one is answered by the replacement, unless its own
    // deadline (counted from its arrival, the same as the hanging one's) passed while it waited
    const [failed, queued] = await Promise.all([post(service, { rows: [row(x)] }), post(service, { rows: [row(2)] })]);
    expect(failed.status).toBe(status);
    expect(failed.json.error.code).toBe(code);
    expect(failed.json.error.message).toMatch(message);
    if (queuedOutcome === "answered" || queued.status === 200) expect(queued.json.predictions).toEqual([{ y: 5 }]);
    else expect([queued.status, queued.json.error.message]).toEqual([504, expect.stringMatching(/waited 3000 ms for a model worker behind slower calls and was not run/)]);
    await vi.waitFor(async () => expect(((await (await fetch(`${service.url}/healthz`)).json()) as any).workers).toMatchObject({ ready: 1, replaced: before + 1 }), { timeout: 20_000, interval: 50 });
    expect((await post(service, { rows: [row(2)] })).json.predictions).toEqual([{ y: 5 }]);
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(new RegExp(`^envelope_predict_errors_total\\{code="${code}"\\} [1-9]\\d*$`, "m"));
  }, 30_000);

  test("/metrics counts requests, errors and latency in Prometheus text", async () => {
    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toContain('envelope_model_info{model="linear",version="3"} 1\n');
    expect(metrics).toMatch(/^# TYPE envelope_predict_duration_seconds histogram$/m);
    expect(metrics).toMatch(/^envelope_predict_duration_seconds_bucket\{le="\+Inf"\} \d+$/m);
    expect(metrics).toMatch(/^envelope_predict_requests_total\{status="200"\} \d+$/m);
    expect(metrics).toContain("envelope_worker_replacements_total 3\n");
  });
});

describe("serve refuses to start, saying why", () => {
  test.each([
    // why, source, message
    ["no predict export", "export function score(rows) { return rows; }\nexport const version = 1;", /^cannot serve linear@3: its custom code exports score, version; expected a function predict\(rows, state\)$/],
    ["predict that is not a function", "export const predict = 42;", /^cannot serve linear@3: its custom code exports predict \(predict is a number\); expected a function predict\(rows, state\)$/],
    ["code that fails to load", "throw new Error('missing weights file');", /^cannot serve linear@3: its custom code failed to load: missing weights file$/],
  ] as const)("%s", async (_why, source, message) => {
    await expect(serve(servableEnvelope(source), { state: {} })).rejects.toThrowError(expect.objectContaining({ code: "ENVELOPE_NOT_SERVABLE", message: expect.stringMatching(message) }));
  });

  test("another Node major", async () => {
    await expect(serve(servableEnvelope(), { state: {}, nodeVersion: "v22.1.0" })).rejects.toThrowError(/it was saved on Node v20\.\d+\.\d+ \(context\.node\) and this is Node v22\.1\.0/);
  });
});

test("a synchronous predict, with bytes as state, serves too", async () => {
  const source = "export function predict(rows, state) { return rows.map((row) => ({ y: row.x + state[0] })); }";
  const service = await serve(servableEnvelope(source), { state: new Uint8Array([40]) });
  try {
    expect((await post(service, { rows: [row(2)] })).json.predictions).toEqual([{ y: 42 }]);
  } finally {
    await service.close();
  }
});
