import { expect, test } from "vitest";
import { keepAlerts } from "../../src/alerts/keepAlerts.ts";

const alert = (kind: string) => ({ at: "2026-11-30T00:00:00.000Z", kind, text: `${kind} happened`, status: 200, source: "serve" as const });

test("settled waits for every alert kept so far; a refused one goes to onError, not to the caller", async () => {
  const kept: string[] = [];
  const refused: unknown[] = [];
  let release!: () => void;
  const slow = new Promise<void>((resolve) => (release = resolve));
  const keeper = keepAlerts(async (record) => {
    if (record.kind === "slow") await slow;
    if (record.kind === "bad") throw new Error("registry said no");
    kept.push(record.kind);
  }, (error) => refused.push((error as Error).message));
  keeper.record(alert("slow"));
  keeper.record(alert("bad"));
  keeper.record(alert("fine"));
  let settled = false;
  const waiting = keeper.settled().then(() => (settled = true));
  await new Promise((resolve) => setImmediate(resolve));
  expect([settled, kept, refused]).toEqual([false, ["fine"], ["registry said no"]]);
  release();
  await waiting;
  expect(kept).toEqual(["fine", "slow"]);
  await expect(keepAlerts(async () => {}, () => {}).settled()).resolves.toBeUndefined();
});
