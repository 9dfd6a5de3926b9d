import { describe, expect, test } from "vitest";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { createTracker, type TrackerOptions } from "../../src/tracking/createTracker.ts";
import type { UsageEvent } from "../../src/tracking/UsageEvent.ts";
import type { UsageSink } from "../../src/tracking/UsageSink.ts";
import { validateEvents } from "../../src/tracking/validateEvents.ts";

// how a sink behaves on each send, in order; the last entry repeats
type Step = "ok" | "fail" | "hang" | "reject422";

function scripted(...steps: Step[]): UsageSink & { batches: UsageEvent[][]; attempts: number } {
  const sink = {
    batches: [] as UsageEvent[][],
    attempts: 0,
    async send(events: UsageEvent[]) {
      const step = steps[Math.min(sink.attempts++, steps.length - 1)];
      if (step === "hang") return new Promise<void>(() => {});
      if (step === "fail") throw new EnvelopeError("ENVELOPE_SERVER", "POST /v1/events: 500 ENVELOPE_SERVER: down", { status: 500 });
      if (step === "reject422") throw new EnvelopeError("ENVELOPE_INVALID", "POST /v1/events: 422 ENVELOPE_INVALID: bad events", { status: 422 });
      sink.batches.push(events);
    },
  };
  return sink;
}

function tracker(options: Partial<TrackerOptions> & Pick<TrackerOptions, "sink">) {
  return createTracker({ strict: false, clientVersion: "9.9.9", identify: async () => ({ user: "ada", team: "churn" }), ...options });
}

const calls = async (track: ReturnType<typeof tracker>, count: number) => {
  for (let index = 0; index < count; index++) await track.run(`call${index}`, [], null, async () => index);
};

/** polls `condition` every few milliseconds until it holds (generous deadline: the machine is shared) */
async function until(condition: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

describe("createTracker delivery", () => {
  test("merges the queued events into batches of at most batchSize, in call order", async () => {
    const sink = scripted("ok");
    const track = tracker({ sink, limits: { batchSize: 10 } });
    await calls(track, 25);
    const stats = await track.flush();
    expect(sink.batches.map((batch) => batch.length)).toEqual([10, 10, 5]);
    expect(sink.batches.flat().map((event) => event.fn)).toEqual(Array.from({ length: 25 }, (_, index) => `call${index}`));
    expect(stats).toEqual({ sent: 25, queued: 0, dropped: 0, rejected: 0, failures: 0 });
  });

  test("by default a send merges up to 1,000 events (fewer requests, each costing the registry less per event; it takes up to 10,000)", async () => {
    const sink = scripted("ok");
    const track = tracker({ sink });
    await calls(track, 2500);
    await track.flush();
    expect(sink.batches.map((batch) => batch.length)).toEqual([1000, 1000, 500]);
    expect(() => validateEvents(sink.batches[0])).not.toThrow();
    expect(() => validateEvents(Array.from({ length: 10 }, () => sink.batches[0]!).flat())).not.toThrow();
    expect(() => validateEvents([...Array.from({ length: 10 }, () => sink.batches[0]!).flat(), sink.batches[2]![0]])).toThrow(/at most 10000/);
  });

  test("after a send, fewer than batchSize events wait lingerMs for more; a full batch or flush sends at once", { timeout: 10_000 }, async () => {
    const sink = scripted("ok");
    const track = tracker({ sink, limits: { batchSize: 10, lingerMs: 60_000 } });
    await calls(track, 1);
    await until(() => sink.batches.length === 1, "the first event, sent at once");
    await calls(track, 12);
    await until(() => sink.batches.length === 2, "a full batch");
    expect(track.stats()).toMatchObject({ sent: 11, queued: 2 });
    await track.flush();
    expect(sink.batches.map((batch) => batch.length)).toEqual([1, 10, 2]);
  });

  test("a fast sink does not get one send per event: events arriving one by one after a send wait lingerMs", { timeout: 10_000 }, async () => {
    const sink = scripted("ok");
    const track = tracker({ sink, limits: { lingerMs: 60_000 } });
    await calls(track, 1);
    await until(() => sink.batches.length === 1, "the first event, sent at once");
    for (let index = 0; index < 5; index++) {
      await calls(track, 1);
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(track.stats()).toMatchObject({ sent: 1, queued: 5 });
    await track.flush();
    expect(sink.batches.map((batch) => batch.length)).toEqual([1, 5]);
  });

  test("flush resolves by its deadline when the sink never answers, with what is still queued", { timeout: 10_000 }, async () => {
    const track = tracker({ sink: scripted("hang") });
    await calls(track, 3);
    expect(await track.flush(50)).toEqual({ sent: 0, queued: 3, dropped: 0, rejected: 0, failures: 0 });
  });

  test("the queue is bounded: beyond maxQueued new events are dropped, counted and reported once", { timeout: 10_000 }, async () => {
    const errors: unknown[] = [];
    const track = tracker({ sink: scripted("hang"), limits: { maxQueued: 10 }, onError: (error) => errors.push(error) });
    await calls(track, 4);
    // let the first batch go out: in flight still counts against the bound
    await new Promise((resolve) => setImmediate(resolve));
    await calls(track, 21);
    expect(track.stats()).toEqual({ sent: 0, queued: 10, dropped: 15, rejected: 0, failures: 0 });
    expect(errors.map((error) => (error as Error).message)).toEqual([expect.stringMatching(/^usage events: 10 are waiting to be sent \(maxQueued\); new events are dropped and counted until the sink catches up$/)]);
  });

  test("a send that takes longer than timeoutMs is abandoned and sent again", { timeout: 10_000 }, async () => {
    const sink = scripted("hang", "ok");
    const errors: unknown[] = [];
    const track = tracker({ sink, limits: { timeoutMs: 30, backoffMs: 1, backoffMaxMs: 2 }, onError: (error) => errors.push(error) });
    await calls(track, 2);
    await until(() => sink.batches.length === 1, "the second attempt");
    expect(sink.batches[0]!.map((event) => event.fn)).toEqual(["call0", "call1"]);
    expect((errors[0] as Error).message).toMatch(/^usage events: 2 not sent within 30 ms \(timeoutMs\)$/);
    expect(track.stats()).toMatchObject({ sent: 2, queued: 0, failures: 1 });
  });

  test("after failures it backs off, then resumes sending once the sink recovers", { timeout: 15_000 }, async () => {
    const sink = scripted("fail", "fail", "fail", "ok");
    const track = tracker({ sink, limits: { backoffMs: 1, backoffMaxMs: 4 }, onError: () => {} });
    await calls(track, 1);
    await until(() => sink.batches.length === 1, "recovery");
    await calls(track, 1);
    await until(() => sink.batches.length === 2, "the next event");
    expect(sink.batches.flat().map((event) => event.fn)).toEqual(["call0", "call0"]);
    expect(track.stats()).toEqual({ sent: 2, queued: 0, dropped: 0, rejected: 0, failures: 3 });
  });

  test("a batch the sink refuses with a 4xx is dropped for good and counted as rejected", async () => {
    const sink = scripted("reject422", "ok");
    const errors: unknown[] = [];
    const track = tracker({ sink, limits: { backoffMs: 1, backoffMaxMs: 2 }, onError: (error) => errors.push(error) });
    await calls(track, 2);
    expect(await track.flush()).toEqual({ sent: 0, queued: 0, dropped: 0, rejected: 2, failures: 1 });
    expect((errors[0] as Error).message).toMatch(/422 ENVELOPE_INVALID/);
    await calls(track, 1);
    await until(() => sink.batches.length === 1, "the next batch");
    expect(sink.batches[0]!.map((event) => event.fn)).toEqual(["call0"]);
  });

  test("flush tries again at once, without waiting out the backoff", { timeout: 10_000 }, async () => {
    const sink = scripted("fail", "ok");
    const track = tracker({ sink, limits: { backoffMs: 60_000, backoffMaxMs: 60_000 }, onError: () => {} });
    await calls(track, 1);
    await until(() => sink.attempts === 1, "the first attempt");
    expect(await track.flush()).toMatchObject({ sent: 1, queued: 0, failures: 1 });
  });

  test("strict: a sink that never answers fails the call after timeoutMs", { timeout: 10_000 }, async () => {
    const track = tracker({ sink: scripted("hang"), strict: true, limits: { timeoutMs: 30 } });
    await expect(track.run("whoami", [], null, async () => 1)).rejects.toMatchObject({ code: "ENVELOPE_TRACKING_FAILED", message: expect.stringMatching(/^whoami succeeded but its usage event could not be recorded \(strict tracking\): usage events: 1 not sent within 30 ms/) });
  });
});

describe("createTracker callbacks", () => {
  test("a throwing onError is contained, reported once, and tracking goes on sending", { timeout: 10_000 }, async () => {
    const sink = scripted("fail", "fail", "ok");
    const warned: string[] = [];
    const track = tracker({ sink, limits: { backoffMs: 1, backoffMaxMs: 2 }, warn: (line) => warned.push(line), onError: () => {
      throw new Error("onError is broken");
    } });
    await calls(track, 1);
    await expect(track.flush()).resolves.toMatchObject({ failures: 1 });
    await calls(track, 1);
    await until(() => sink.batches.length === 1, "sending again");
    expect(warned).toEqual(["usage tracking: onError threw (ignored; reported once): onError is broken"]);
  });

  test("an event that cannot be built (arguments with a throwing getter, a thrown value with no string form) changes nothing for the call", async () => {
    const sink = scripted("ok");
    const errors: unknown[] = [];
    const track = tracker({ sink, onError: (error) => errors.push(error) });
    const hostile = { get region(): string {
      throw new Error("getter says no");
    } };
    await expect(track.run("find", [hostile], null, async () => 42)).resolves.toBe(42);
    const bare = Object.create(null) as object;
    await expect(track.run("get", [], null, async () => Promise.reject(bare))).rejects.toBe(bare);
    await track.flush();
    expect(errors.map((error) => (error as Error).message)).toEqual([expect.stringMatching(/^usage tracking: the event of find could not be built \(not recorded\): getter says no$/), expect.stringMatching(/^usage tracking: the event of get could not be built \(not recorded\): /)]);
  });

  test("a throwing onFailure never replaces the call's own error", async () => {
    const original = new Error("the call failed");
    const warned: string[] = [];
    const track = tracker({ sink: undefined, warn: (line) => warned.push(line), onFailure: () => {
      throw new Error("onFailure is broken");
    } });
    await expect(track.run("get", [], null, async () => Promise.reject(original))).rejects.toBe(original);
    expect(warned).toEqual(["usage tracking: onFailure threw (ignored; reported once): onFailure is broken"]);
  });
});
