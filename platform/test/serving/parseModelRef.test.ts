import { expect, test } from "vitest";
import { parseModelRef } from "../../src/serving/parseModelRef.ts";

test.each([
  // MODEL, parsed
  ["churn@3", { name: "churn", version: 3 }],
  ["churn@latest", { name: "churn", version: "latest" }],
  ["churn", { name: "churn", version: "latest" }],
  ["name=churn,stage=prod", { tags: { name: "churn", stage: "prod" } }],
  ["stage = prod", { tags: { stage: "prod" } }],
] as const)("%s", (text, parsed) => {
  expect(parseModelRef(text)).toEqual(parsed);
});

test.each([
  // MODEL, message
  ["churn@v3", /MODEL.version: expected a version number \(1, 2, \.\.\.\) or latest, as in churn@3, got "v3"/],
  ["../x@1", /MODEL.name: expected a model name/],
  ["name=churn,prod", /MODEL\[1\]: expected key=value/],
])("refuses %s", (text, message) => {
  expect(() => parseModelRef(text)).toThrowError(message);
});
