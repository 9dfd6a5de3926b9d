import { expect, test } from "vitest";
import { checkServable } from "../../src/serving/checkServable.ts";
import { servableEnvelope } from "../support/servableEnvelope.ts";

test("returns the custom code of a servable envelope", () => {
  expect(checkServable(servableEnvelope(), "v20.20.2").entry).toBe("model.ts");
});

test.each([
  // why, envelope change, running Node, message
  ["another Node major", { node: "v18.19.0" }, "v20.20.2", /^cannot serve linear@3: it was saved on Node v18\.19\.0 \(context\.node\) and this is Node v20\.20\.2; expected the same major version \(18\): serve it with Node 18, or save it again from Node 20$/],
  ["no custom code", { code: undefined }, process.version, /^cannot serve linear@3: it has no custom code \(context\.code\); expected a module exporting predict\(rows, state\)/],
  ["altered code", { codeText: "export const predict = () => [];" }, process.version, /^cannot serve linear@3: custom code model\.ts: sha256 is [0-9a-f]{64}, expected [0-9a-f]{64}; refusing to load altered code$/],
] as const)("refuses %s", (_why, change, node, message) => {
  const envelope = servableEnvelope();
  if ("node" in change) envelope.context.node = change.node;
  if ("code" in change) delete envelope.context.code;
  if ("codeText" in change) envelope.context.code!.code = change.codeText;
  expect(() => checkServable(envelope, node)).toThrowError(expect.objectContaining({ code: "ENVELOPE_NOT_SERVABLE", message: expect.stringMatching(message) }));
});
