import { expect, test } from "vitest";
import { formatAlert } from "../../src/alerts/formatAlert.ts";
import { suggestFix } from "../../src/alerts/suggestFix.ts";
import { EnvelopeError } from "../../src/errors/EnvelopeError.ts";

test("an alert names team, user, function, model and error, with Slack blocks and a fix", () => {
  const error = new EnvelopeError("ENVELOPE_INVALID", "2 problems in the envelope", { status: 422, problems: [{ path: "tags.owner", expected: "a key of your own" }, { path: "data.metrics[0].value", expected: "a number in [0, 1] for auc", got: "2" }] });
  const message = formatAlert({ team: "churn", user: "ada", fn: "save", model: "churn", error });
  expect(message.text).toBe("save failed for ada (churn) on churn: ENVELOPE_INVALID (422)");
  expect(message.blocks[0]).toEqual({ type: "section", text: { type: "mrkdwn", text: ":rotating_light: *save failed for ada (churn) on churn: ENVELOPE_INVALID (422)*" } });
  expect(message.blocks[1]).toEqual({ type: "section", fields: ["*Team*\nchurn", "*User*\nada", "*Function*\nsave", "*Model*\nchurn"].map((text) => ({ type: "mrkdwn", text })) });
  expect((message.blocks[2] as { text: { text: string } }).text.text).toContain("data.metrics[0].value: expected a number in [0, 1] for auc, got 2");
  expect(message.blocks[3]).toEqual({ type: "section", text: { type: "mrkdwn", text: "*Suggested fix*\nFix the listed fields: tags.owner, data.metrics[0].value." } });
});

test.each([
  // status, code: the fix mentions
  ["ENVELOPE_UNAUTHORIZED", {}, /check the token/i],
  ["ENVELOPE_TOO_LARGE", { limit: 1024 }, /too large \(the limit is 1024 bytes\)/],
  ["ENVELOPE_FORBIDDEN", {}, /another team/],
  ["ENVELOPE_NETWORK", {}, /ENVELOPE_REGISTRY_URL/],
] as const)("suggestFix for %s", (code, details, expected) => {
  expect(suggestFix(new EnvelopeError(code, "x", { details }))).toMatch(expected);
});

test("no fix for errors it does not know", () => {
  expect(suggestFix(new Error("x"))).toBeUndefined();
});

test("an alert for a served model's failure names the model and version, with a fix", () => {
  const error = new EnvelopeError("ENVELOPE_MODEL_TIMEOUT", "churn@3: predict took longer than 5000 ms; its worker was stopped and replaced");
  const alert = formatAlert({ team: "churn", user: "churn-api", fn: "predict", model: "churn@3", error });
  expect(alert.text).toBe("predict failed for churn-api (churn) on churn@3: ENVELOPE_MODEL_TIMEOUT (504)");
  expect(JSON.stringify(alert.blocks)).toContain("raise --timeout");
});
