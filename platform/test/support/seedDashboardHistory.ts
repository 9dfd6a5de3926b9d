import type { Metric } from "../../src/envelope/Envelope.ts";
import type { Store } from "../../src/store/Store.ts";
import type { UsageEvent } from "../../src/tracking/UsageEvent.ts";
import { newModel } from "./models.ts";

/** The scalar metrics every seeded version logs; `roc` is its one series. */
export const seededMetrics = ["auc", "accuracy", "precision", "recall", "f1", "loss", "latency_ms", "coverage", "drift", "calibration"];
export const stages = ["dev", "staging", "prod"];
export const regions = ["us", "eu", "ap", "sa", "af"];
export const seededFunctions = ["find", "get", "save", "logMetrics", "tag", "metrics", "whoami"];
// how often each function is called, in a cycle of 20 calls: find the most, whoami the least
const callCycle = [0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 5, 6];

export interface History {
  models: number;
  versions: number;
  events: number;
  /** the last version's time; versions are an hour apart before it, events spread over the 27 days before it */
  now: Date;
}

/** version `v` of model `m`: stage by version (v % 3), region by model (m % 5), team churn or fraud by model */
export function seededTags(m: number, v: number): Record<string, string> {
  return { stage: stages[v % 3]!, region: regions[m % 5]!, family: m % 2 === 0 ? "trees" : "linear" };
}

function metricsOf(m: number, v: number): Metric[] {
  // values that move with the version and differ by model, deterministic, in [0, 1)
  const scalar = seededMetrics.map((name, k): Metric => ({ name, kind: "scalar", value: Math.round(((m * 37 + v * (11 + k * 3) + k * 17) % 80) + v / 2) / 100 }));
  const roc: Metric = { name: "roc", kind: "series", points: [0, 0.1, 0.3, 0.6, 1].map((x) => ({ x, y: Math.min(1, Math.sqrt(x) * (0.75 + ((m * 3 + v) % 7) / 30)) })) };
  return [...scalar, roc];
}

/**
 * A generated history straight into a store (not over HTTP: thousands of saves would measure the
 * saves): `models` x `versions` versions (`model-00`@1...), saved version by version across
 * models so that times interleave, each with ten scalar metrics and a `roc` series; and `events`
 * usage events from 60 users who join over four weeks, `save` failing most.
 */
export async function seedDashboardHistory(store: Store, history: History): Promise<void> {
  const total = history.models * history.versions;
  let index = 0;
  for (let v = 1; v <= history.versions; v++) {
    for (let m = 0; m < history.models; m++) {
      const name = `model-${String(m).padStart(2, "0")}`;
      const model = newModel(name, m % 2 === 0 ? "churn" : "fraud", seededTags(m, v));
      model.createdAt = new Date(history.now.getTime() - (total - 1 - index++) * 3_600_000).toISOString();
      model.metrics = metricsOf(m, v);
      model.features = { x: { type: "number", count: 100, nulls: v % 4, min: 0, max: m + v, mean: (m + v) / 2 } };
      await store.saveModel(model);
    }
  }
  const span = 27 * 86_400_000;
  const events: UsageEvent[] = [];
  for (let i = 0; i < history.events; i++) {
    const at = history.now.getTime() - span + Math.floor((i / history.events) * span);
    // user u joins at the (u / 60)th part of the time: new users every week
    const user = i % Math.max(1, Math.ceil((60 * (i + 1)) / history.events));
    const fn = seededFunctions[callCycle[i % callCycle.length]!]!;
    // save fails about one call in 6 (an invalid envelope), the others one in 23 (a missing model)
    const failed = fn === "save" ? Math.floor(i / 20) % 6 === 0 : i % 23 === 3;
    events.push({
      at: new Date(at).toISOString(),
      fn,
      args: [],
      success: !failed,
      errorClass: failed ? "EnvelopeError" : null,
      errorCode: failed ? (fn === "save" ? "ENVELOPE_INVALID" : "ENVELOPE_NOT_FOUND") : null,
      errorMessage: failed ? (fn === "save" ? "the envelope has 1 problem: tags.stage" : "model model-07 version 99 not found") : null,
      durationMs: 1 + (i % 50),
      user: `user-${user}`,
      team: user % 2 === 0 ? "churn" : "fraud",
      clientVersion: "0.1.0",
      model: `model-${String(i % 50).padStart(2, "0")}`,
    });
  }
  for (let start = 0; start < events.length; start += 500) await store.recordEvents(events.slice(start, start + 500));
}
