import { expect, test } from "vitest";
import { createAlerter } from "../../src/alerts/createAlerter.ts";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";

function webhook() {
  const posted: Array<{ url: string; body: any }> = [];
  const fetch = (async (url: string, init: RequestInit) => {
    posted.push({ url, body: JSON.parse(String(init.body)) });
    return new Response("ok");
  }) as unknown as typeof globalThis.fetch;
  return { posted, fetch };
}

const facts = (error: unknown) => ({ team: "churn", user: "ada", fn: "save", model: "churn", error });

test("posts one alert per error kind per interval, then says how many were held back", async () => {
  let now = 0;
  const hook = webhook();
  const alerter = createAlerter({ webhook: "http://127.0.0.1:1/hook", minIntervalMs: 60_000, now: () => now, fetch: hook.fetch });
  const unauthorized = new EnvelopeError("ENVELOPE_UNAUTHORIZED", "unknown bearer token", { status: 401 });
  for (let index = 0; index < 10; index++) alerter.notify(facts(unauthorized));
  alerter.notify(facts(new EnvelopeError("ENVELOPE_TOO_LARGE", "too big", { status: 413, details: { limit: 10 } })));
  await alerter.flush();
  expect(hook.posted.map((post) => post.body.text)).toEqual(["save failed for ada (churn) on churn: ENVELOPE_UNAUTHORIZED (401)", "save failed for ada (churn) on churn: ENVELOPE_TOO_LARGE (413)"]);
  now = 60_000;
  alerter.notify(facts(unauthorized));
  await alerter.flush();
  expect(hook.posted).toHaveLength(3);
  expect(JSON.stringify(hook.posted[2]!.body.blocks)).toContain("9 similar alerts held back by the rate limit");
});

test("ignores failures that are not 4xx, 5xx or network, and never throws when the webhook fails", async () => {
  const errors: unknown[] = [];
  const alerter = createAlerter({ webhook: "http://127.0.0.1:1/hook", fetch: (async () => Promise.reject(new Error("refused"))) as unknown as typeof fetch, onError: (error) => errors.push(error) });
  alerter.notify(facts(new TypeError("a bug in the caller")));
  alerter.notify(facts(new EnvelopeError("ENVELOPE_TRACKING_FAILED", "strict")));
  alerter.notify(facts(new EnvelopeError("ENVELOPE_NETWORK", "no answer")));
  await alerter.flush();
  expect(errors.map((error) => (error as Error).message)).toEqual(["refused"]);
});

test("a throwing onError is contained and reported once; later alerts still go out", async () => {
  const warned: string[] = [];
  let posts = 0;
  const fetch = (async () => (++posts === 1 ? Promise.reject(new Error("refused")) : new Response("ok"))) as unknown as typeof globalThis.fetch;
  const alerter = createAlerter({ webhook: "http://127.0.0.1:1/hook", minIntervalMs: 0, fetch, warn: (line) => warned.push(line), onError: () => {
    throw new Error("onError is broken");
  } });
  alerter.notify(facts(new EnvelopeError("ENVELOPE_NETWORK", "no answer")));
  await alerter.flush();
  alerter.notify(facts(new EnvelopeError("ENVELOPE_NETWORK", "no answer")));
  await alerter.flush();
  expect(posts).toBe(2);
  expect(warned).toEqual(["alerts: onError threw (ignored; reported once): onError is broken"]);
});

test("a webhook that never answers is abandoned after timeoutMs, so flush resolves", { timeout: 10_000 }, async () => {
  const errors: unknown[] = [];
  // like fetch: never answers, but gives up when its signal aborts
  const fetch = ((_url: string, init: RequestInit) => new Promise((_, reject) => init.signal!.addEventListener("abort", () => reject(init.signal!.reason)))) as unknown as typeof globalThis.fetch;
  const alerter = createAlerter({ webhook: "http://127.0.0.1:1/hook", fetch, timeoutMs: 30, onError: (error) => errors.push(error) });
  alerter.notify(facts(new EnvelopeError("ENVELOPE_NETWORK", "no answer")));
  await alerter.flush();
  expect(errors.map((error) => (error as Error).name)).toEqual(["TimeoutError"]);
});

test("record is told about each alert posted, with the webhook's status, or null when it did not answer; a throwing record is contained", async () => {
  const recorded: unknown[] = [];
  const warned: string[] = [];
  const statuses = [200, 500];
  let posts = 0;
  const fetch = (async () => (++posts === 3 ? Promise.reject(new Error("refused")) : new Response("no", { status: statuses[posts - 1]! }))) as unknown as typeof globalThis.fetch;
  const alerter = createAlerter({ webhook: "http://127.0.0.1:1/hook", minIntervalMs: 0, now: () => Date.UTC(2030, 0, 1), fetch, onError: () => {}, source: "serve", record: (alert) => recorded.push(alert) });
  for (let index = 0; index < 3; index++) {
    alerter.notify(facts(new EnvelopeError("ENVELOPE_NETWORK", "no answer")));
    await alerter.flush();
  }
  const alert = { at: "2030-01-01T00:00:00.000Z", kind: "ENVELOPE_NETWORK", text: "save failed for ada (churn) on churn: ENVELOPE_NETWORK", source: "serve" };
  expect(recorded).toEqual([{ ...alert, status: 200 }, { ...alert, status: 500 }, { ...alert, status: null }]);

  const broken = createAlerter({ webhook: "http://127.0.0.1:1/hook", fetch: (async () => new Response("ok")) as unknown as typeof globalThis.fetch, warn: (line) => warned.push(line), record: () => {
    throw new Error("record is broken");
  } });
  broken.notify(facts(new EnvelopeError("ENVELOPE_NETWORK", "no answer")));
  await broken.flush();
  expect(warned).toEqual(["alerts: record threw (ignored; reported once): record is broken"]);
});
