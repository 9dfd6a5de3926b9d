import { expect, test } from "vitest";
import { planDeployment } from "../../src/deploy/planDeployment.ts";

const running = (name: string, version: number) => ({ running: { name, version, deployedAt: "2030-01-01T00:00:00.000Z" } });

test.each([
  // why, rule, newest match, action
  ["nothing matches, nothing runs", { running: null }, undefined, "none"],
  ["nothing matches any more: leave the service alone", running("churn", 2), undefined, "none"],
  ["a first match", { running: null }, { name: "churn", version: 1 }, "start"],
  ["the match runs already", running("churn", 2), { name: "churn", version: 2 }, "keep"],
  ["a newer version", running("churn", 2), { name: "churn", version: 3 }, "restart"],
  ["the tag moved back to an older version: a rollback", running("churn", 3), { name: "churn", version: 2 }, "restart"],
  ["another model got the tags", running("churn", 3), { name: "churn-xgb", version: 1 }, "restart"],
] as const)("%s", (_why, rule, newest, action) => {
  expect(planDeployment(rule, newest)).toBe(action);
});
