import { describe, expect, test } from "vitest";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";
import { createTracker, type TrackerOptions } from "../../src/tracking/createTracker.ts";
import type { UsageEvent } from "../../src/tracking/UsageEvent.ts";
import type { UsageSink } from "../../src/tracking/UsageSink.ts";

function recording(): UsageSink & { events: UsageEvent[] } {
  const events: UsageEvent[] = [];
  return { events, send: async (batch) => void events.push(...batch) };
}

const failing: UsageSink = { send: async () => Promise.reject(new Error("sink down")) };

function tracker(options: Partial<TrackerOptions> & Pick<TrackerOptions, "sink">) {
  return createTracker({ strict: false, clientVersion: "9.9.9", identify: async () => ({ user: "ada", team: "churn" }), now: () => new Date("2030-01-01T00:00:00Z"), ...options });
}

describe("createTracker", () => {
  // pitfall 1 of the widely copied decorator: `success` was true when there *was* an error
  test("success is true exactly when the call did not throw", async () => {
    const sink = recording();
    const track = tracker({ sink });
    await track.run("find", [{ region: "us" }], null, async () => "ok");
    await track.run("get", ["churn"], "churn", async () => Promise.reject(new EnvelopeError("ENVELOPE_NOT_FOUND", "model churn version latest not found"))).catch(() => {});
    await track.run("artifact", [], null, async () => Promise.reject(new TypeError("boom"))).catch(() => {});
    await track.flush();
    expect(sink.events.map((event) => [event.fn, event.success, event.errorClass, event.errorCode, event.errorMessage])).toEqual([
      ["find", true, null, null, null],
      ["get", false, "EnvelopeError", "ENVELOPE_NOT_FOUND", "model churn version latest not found"],
      ["artifact", false, "TypeError", null, "boom"],
    ]);
    expect(sink.events[0]).toMatchObject({ at: "2030-01-01T00:00:00.000Z", args: [{ region: "us" }], user: "ada", team: "churn", clientVersion: "9.9.9", model: null });
    expect(sink.events[1]!.model).toBe("churn");
    expect(sink.events[0]!.durationMs).toBeGreaterThanOrEqual(0);
  });

  // pitfall 2: a tracking failure must be swallowed exactly when failures are allowed (not strict)
  test("when failures are allowed (default), a failing sink is swallowed and reported to onError", async () => {
    const errors: unknown[] = [];
    const track = tracker({ sink: failing, onError: (error) => errors.push(error) });
    await expect(track.run("find", [], null, async () => 42)).resolves.toBe(42);
    await track.flush();
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).message).toBe("sink down");
  });

  test("when failures are not allowed (strict), a failing sink fails an otherwise successful call", async () => {
    const track = tracker({ sink: failing, strict: true });
    await expect(track.run("whoami", [], null, async () => 42)).rejects.toMatchObject({ code: "ENVELOPE_TRACKING_FAILED", message: expect.stringMatching(/^whoami succeeded but its usage event could not be recorded \(strict tracking\): sink down$/) });
  });

  test("strict or not, tracking never replaces the call's own error, nor changes its result", async () => {
    const original = new EnvelopeError("ENVELOPE_FORBIDDEN", "not yours");
    for (const strict of [false, true]) {
      const track = tracker({ sink: failing, strict, onError: () => {} });
      await expect(track.run("save", [], "x", async () => Promise.reject(original))).rejects.toBe(original);
      const result = { value: 1 };
      if (!strict) await expect(track.run("find", [], null, async () => result)).resolves.toBe(result);
      await track.flush();
    }
    const sink = recording();
    const result = { value: 2 };
    await expect(tracker({ sink, strict: true }).run("find", [], null, async () => result)).resolves.toBe(result);
    expect(sink.events).toHaveLength(1);
  });

  test("does not wait for the sink: a slow sink adds well under a millisecond per call", async () => {
    // sends wait until released; once released, every send (of the batches left) is answered at once
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    const slow: UsageSink = { send: () => released };
    const track = tracker({ sink: slow });
    const started = performance.now();
    for (let index = 0; index < 1000; index++) await track.run("find", [{ region: "us" }], null, async () => index);
    const perCall = (performance.now() - started) / 1000;
    expect(perCall).toBeLessThan(0.5);
    await new Promise((resolve) => setImmediate(resolve));
    release();
    await track.flush();
  });

  test("batches keep the order of the calls", async () => {
    const sink = recording();
    let first = true;
    const track = createTracker({
      sink,
      strict: false,
      clientVersion: "1",
      // the first identification is slow: later batches must still wait for the first one
      identify: async () => {
        if (first) {
          first = false;
          await new Promise((resolve) => setTimeout(resolve, 20));
        }
        return { user: "ada", team: "churn" };
      },
    });
    await track.run("one", [], null, async () => 1);
    await new Promise((resolve) => setImmediate(resolve));
    await track.run("two", [], null, async () => 2);
    await track.flush();
    expect(sink.events.map((event) => event.fn)).toEqual(["one", "two"]);
  });

  test("with no sink it records nothing but still reports failures for alerts", async () => {
    const failures: string[] = [];
    const track = tracker({ sink: undefined, onFailure: (event) => failures.push(`${event.fn}:${event.success}`) });
    await track.run("get", [], null, async () => Promise.reject(new Error("x"))).catch(() => {});
    expect(failures).toEqual(["get:false"]);
  });
});
