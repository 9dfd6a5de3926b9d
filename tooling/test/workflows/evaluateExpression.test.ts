// The expression evaluator the workflow tests rely on, against GitHub's documented semantics.
import { describe, expect, test } from "vitest";
import { evaluateExpression } from "./evaluateExpression.ts";

const context = { github: { actor: "dependabot[bot]", event: {}, repository: "octo/docs" }, secrets: { KEY: "" }, inputs: { "test-script": "test:ci" } };

describe("evaluateExpression", () => {
  test.each([
    // strings compare case-insensitively
    ["github.actor == 'Dependabot[bot]'", true],
    // a missing property is null, and null equals '' (both are 0 as numbers), not a repository name
    ["github.event.pull_request.head.repo.full_name == ''", true],
    ["github.event.pull_request.head.repo.full_name != github.repository", true],
    // an empty secret is '' in the expression that decides publishing
    ["secrets.KEY != '' && secrets.MISSING != ''", false],
    // && and || return an operand, which picks the first matching reason
    ["false && 'a' || '' && 'b' || 'c'", "c"],
    ["inputs.test-script != '' && format('npm run {0}', inputs.test-script) || ''", "npm run test:ci"],
    // '' escapes a quote inside a literal
    ["'the examples'' check'", "the examples' check"],
    ["!(true && false)", true],
  ])("%s is %j", (expression, value) => {
    expect(evaluateExpression(expression, context)).toEqual(value);
  });

  test("the status functions follow the steps before", () => {
    expect(evaluateExpression("!cancelled() && failure()", {}, { failed: true, cancelled: false })).toBe(true);
    expect(evaluateExpression("success()", {}, { failed: true, cancelled: false })).toBe(false);
  });

  test("refuses what it cannot read, rather than guessing", () => {
    expect(() => evaluateExpression("github.actor === 'x'", context)).toThrow(/^cannot read the expression|^unexpected/);
    expect(() => evaluateExpression("hashFiles('x')", context)).toThrow(/calls hashFiles\(\), which these tests do not know/);
  });
});
