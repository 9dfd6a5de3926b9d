import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { formatUsageReport, readJsonlEvents, Registry, usageReport, type UsageSink } from "@envelope/platform";

/**
 * Every public client call is recorded: function, argument summary, success, error, duration,
 * user, team, client version. Here the events go to a JSONL file instead of the registry.
 * @example platform.tracking
 * @expect
 * whoami ok by ada (churn)
 * find ok by ada (churn), args [{"stage":"prod"},{}]
 * get failed by ada (churn): ENVELOPE_NOT_FOUND
 */
export async function tracking() {
  const dir = mkdtempSync(path.join(tmpdir(), "envelope-usage-"));
  const file = path.join(dir, "usage.jsonl");
  const registry = Registry.fromEnv({ tracking: { sink: { file } } });
  await registry.whoami();
  await registry.find({ stage: "prod" });
  await registry.get("never-saved").catch(() => {});
  await registry.flush();
  for (const event of readJsonlEvents(file)) {
    const outcome = event.success ? "ok" : `failed`;
    const detail = event.success ? (event.fn === "find" ? `, args ${JSON.stringify(event.args)}` : "") : `: ${event.errorCode}`;
    console.log(`${event.fn} ${outcome} by ${event.user} (${event.team})${detail}`);
  }
  rmSync(dir, { recursive: true, force: true }); // hide
}

/**
 * When the sink fails, the call still succeeds; with `strict: true`, it fails instead.
 * @example platform.tracking-strict
 * @expectError /whoami succeeded but its usage event could not be recorded \(strict tracking\): disk full/
 */
export async function strictTracking() {
  const broken: UsageSink = { send: async () => Promise.reject(new Error("disk full")) };
  const lenient = Registry.fromEnv({ tracking: { sink: broken } });
  console.log(`lenient: ${(await lenient.whoami()).user}`);
  const strict = Registry.fromEnv({ tracking: { sink: broken, strict: true } });
  await strict.whoami();
}

/**
 * A sink that never answers costs the calls nothing: at most `maxQueued` events wait (the one
 * being sent included), the rest are dropped and counted, and `flush()` gives up after
 * `flushTimeoutMs`, saying what is still waiting.
 * @example platform.tracking-limits
 * @expect
 * whoami answered 8 times
 * { sent: 0, queued: 5, dropped: 3, rejected: 0, failures: 0 }
 * onError was told: usage events: 5 are waiting to be sent (maxQueued); new events are dropped and counted until the sink catches up
 */
export async function trackingLimits() {
  const stuck: UsageSink = { send: () => new Promise<void>(() => {}) };
  const told: string[] = [];
  const registry = Registry.fromEnv({
    tracking: { sink: stuck, limits: { maxQueued: 5, flushTimeoutMs: 200 }, onError: (error) => told.push((error as Error).message) },
  });
  let answered = 0;
  for (let call = 0; call < 8; call++) if (await registry.whoami()) answered++;
  console.log(`whoami answered ${answered} times`);
  console.log(await registry.flush());
  console.log(`onError was told: ${told.join("; ")}`);
}

/**
 * A throwing `onError` is caught (and reported once on stderr), and a failed send is sent again:
 * by `flush()` at once, or after the backoff.
 * @example platform.tracking-recovery
 * @expect
 * after the sink failed: sent 0, queued 1, failures 1
 * after it recovered: sent 1, queued 0, failures 1
 */
export async function trackingRecovery() {
  let sends = 0;
  const flaky: UsageSink = {
    async send() {
      if (++sends === 1) throw new Error("sink restarting");
    },
  };
  const registry = Registry.fromEnv({
    tracking: { sink: flaky, onError: () => {
      throw new Error("a broken logger");
    } },
  });
  await registry.whoami();
  const first = await registry.flush();
  console.log(`after the sink failed: sent ${first.sent}, queued ${first.queued}, failures ${first.failures}`);
  const second = await registry.flush();
  console.log(`after it recovered: sent ${second.sent}, queued ${second.queued}, failures ${second.failures}`);
}

/**
 * `envelope usage` prints this report: new users, calls and failure rate per function, top
 * errors. Here it runs over a JSONL file (`envelope usage --file usage.jsonl --days 7`).
 * @example platform.usage-report
 * @expect
 * Usage in the last 7 days
 *
 * New users: 1
 *   ada (churn) since {...}
 *
 * Calls per function:
 *   function  calls  failures  failure rate
 *   get           3         2         66.7%
 *   save          1         0          0.0%
 *   whoami        1         0          0.0%
 *
 * Top errors:
 *   2 x ENVELOPE_NOT_FOUND (1 user): GET /v1/models/gone/versions/latest: 404 ENVELOPE_NOT_FOUND: model gone version latest not found
 */
export async function usage() {
  const dir = mkdtempSync(path.join(tmpdir(), "envelope-usage-"));
  const file = path.join(dir, "usage.jsonl");
  const registry = Registry.fromEnv({ tracking: { sink: { file } } });
  await registry.whoami();
  await registry.save({ name: "usage-demo", artifact: {}, inputs: [{ x: 1 }], outputs: [{ y: 1 }] });
  await registry.get("usage-demo");
  for (let attempt = 0; attempt < 2; attempt++) await registry.get("gone").catch(() => {});
  await registry.flush();
  const events = readJsonlEvents(file);
  console.log(formatUsageReport(usageReport(events, { days: 7, now: new Date() })));
  rmSync(dir, { recursive: true, force: true }); // hide
}

/**
 * With an alert webhook (Slack-compatible), a failed call posts who, what, the error and a
 * suggested fix. Alerts are rate limited per kind of error: a loop sends one.
 * @example platform.alerts
 * @expect
 * alerts received: 1
 * find failed for unknown user (unknown team): ENVELOPE_UNAUTHORIZED (401)
 * *Suggested fix*
 * Check the token: ENVELOPE_TOKEN must be a token this registry issued (`envelope token create --user <you> --team <team>`), sent as `Authorization: Bearer <token>`.
 */
export async function alerts() {
  const webhook = `${process.env["ENVELOPE_WEBHOOKS"]}/alerts-demo`;
  const registry = Registry.fromEnv({ token: "expired-token", alerts: { webhook } });
  for (let attempt = 0; attempt < 5; attempt++) await registry.find({ stage: "prod" }).catch(() => {});
  await registry.flush();
  const received = (await (await fetch(webhook)).json()) as Array<{ text: string; blocks: Array<{ text?: { text: string } }> }>;
  console.log(`alerts received: ${received.length}`);
  console.log(received[0]!.text);
  console.log(received[0]!.blocks.find((block) => block.text?.text.startsWith("*Suggested fix*"))!.text!.text);
}
