import { afterEach, expect, test, vi } from "vitest";
import { serve, type RunningService } from "../../src/serving/serve.ts";
import { linearState, servableEnvelope } from "../support/servableEnvelope.ts";

/** the linear model, keeping 50 MB (one array of doubles) for each row with x = 100 */
const leakySource = `
const kept = [];
export function predict(rows, state) {
  if (rows.some((row) => row.x === -2)) for (;;) {}
  if (rows.some((row) => row.x === 100)) kept.push(new Array((50 * 1024 * 1024) / 8).fill(1.5));
  return rows.map((row) => ({ y: state.slope * row.x + state.intercept }));
}
`;

const row = (x: number) => ({ x, plan: "pro", visits: 2 });
let service: RunningService | undefined;
afterEach(() => service?.close());

async function post(url: string, body: string) {
  const response = await fetch(`${url}/predict`, { method: "POST", headers: { "content-type": "application/json" }, body });
  return { status: response.status, json: (await response.json()) as any, headers: response.headers };
}
const rows = (...xs: number[]) => JSON.stringify({ rows: xs.map(row) });

test("a model over its memory limit: a 500 naming the cause and the limit, an alert, a new worker, and the service keeps serving", { timeout: 60_000 }, async () => {
  const alerts: Array<{ text: string; blocks: unknown[] }> = [];
  const fakeFetch = (async (_url: string, init: RequestInit) => {
    alerts.push(JSON.parse(String(init.body)));
    return new Response("ok");
  }) as typeof fetch;
  const logged: string[] = [];
  service = await serve(servableEnvelope(leakySource), { state: linearState, memoryLimitMb: 64, timeoutMs: 20_000, service: "leaky-api", alerts: { webhook: "http://alerts.invalid/hook", minIntervalMs: 0, fetch: fakeFetch }, log: (line) => logged.push(line) });
  let failed: Awaited<ReturnType<typeof post>> | undefined;
  // bounded: five calls of 50 MB at most
  for (let call = 0; call < 5 && !failed; call++) {
    const answer = await post(service.url, rows(100));
    if (answer.status !== 200) failed = answer;
  }
  expect(failed?.status).toBe(500);
  expect(failed?.json.error).toEqual({ code: "ENVELOPE_MODEL_CRASHED", status: 500, message: "linear@3: the model's worker went over its memory limit (64 MB of JavaScript heap) during predict; it was replaced", problems: [], memoryLimitMb: 64 });
  const { url } = service;
  await vi.waitFor(async () => expect(((await (await fetch(`${url}/healthz`)).json()) as any).workers).toEqual({ ready: 1, size: 1, replaced: 1, busy: 0, queued: 0 }), { timeout: 20_000, interval: 50 });
  expect((await post(url, rows(2))).json.predictions).toEqual([{ y: 5 }]);
  await service.close();
  service = undefined;
  expect(alerts.map((alert) => alert.text)).toEqual(["predict failed for leaky-api (churn) on linear@3: ENVELOPE_MODEL_CRASHED (500)"]);
  expect(JSON.stringify(alerts[0]!.blocks)).toContain("went over its memory limit (64 MB of JavaScript heap)");
  expect(logged).toContain("linear@3: replaced a model worker: the worker went over its memory limit (64 MB of JavaScript heap)");
});

test("a full queue is answered 503 with Retry-After at once; waiting requests are answered by their deadline", { timeout: 30_000 }, async () => {
  service = await serve(servableEnvelope(leakySource), { state: linearState, maxQueue: 1, timeoutMs: 1000, log: () => {} });
  const { url } = service;
  const hanging = post(url, rows(-2));
  // the hanging request holds the only worker (healthz says so); then two more: one waits, one is refused
  await vi.waitFor(async () => expect(((await (await fetch(`${url}/healthz`)).json()) as any).workers.busy).toBe(1), { timeout: 10_000, interval: 10 });
  const [first, second] = await Promise.all([post(url, rows(1)), post(url, rows(1))]);
  const refused = [first, second].filter((answer) => answer.status === 503);
  expect(refused).toHaveLength(1);
  expect(refused[0]!.headers.get("retry-after")).toBe("1");
  expect(refused[0]!.json.error).toEqual({ code: "ENVELOPE_OVERLOADED", status: 503, maxQueue: 1, retryAfterSeconds: 1, problems: [], message: "linear@3: 1 call is already waiting for a model worker, the queue's limit; retry after 1 s" });
  expect((await hanging).status).toBe(504);
});

test("JSON nested 5,000 levels deep is a 413 that names the limit, never a 500", async () => {
  service = await serve(servableEnvelope(leakySource), { state: linearState, log: () => {} });
  for (const body of [`{"rows":${"[".repeat(5000)}${"]".repeat(5000)}}`, `{"rows":[{"x":${'{"a":'.repeat(5000)}1${"}".repeat(5000)}}]}`]) {
    const answer = await post(service.url, body);
    expect([answer.status, answer.json.error.code, answer.json.error.message]).toEqual([413, "ENVELOPE_TOO_LARGE", "request body nests arrays and objects more than 64 levels deep; the limit is 64 levels"]);
  }
});
