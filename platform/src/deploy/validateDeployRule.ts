import { Checks } from "../envelope/Checks.ts";
import { validateName } from "../envelope/validateName.ts";
import { assertNoProblems } from "../errors/EnvelopeError.ts";
import { tagKeyPattern } from "../tags/validateTags.ts";
import type { DeployRuleInput } from "./DeployRule.ts";

/**
 * Checks the body of `POST /v1/deploy-rules` and returns it typed; otherwise one 422 listing every
 * problem. A service is named like a model; the tags (at least one, at most 50) may include the
 * base tags, which is how a rule names its model (`name=churn`).
 */
export function validateDeployRule(value: unknown): DeployRuleInput {
  const checks = new Checks();
  if (checks.record(value, "(body)")) {
    checks.onlyKeys(value, "", ["service", "tags", "port"]);
    validateName(checks, value["service"], "service");
    const tags = value["tags"];
    if (checks.record(tags, "tags")) {
      const keys = Object.keys(tags);
      if (keys.length === 0 || keys.length > 50) checks.failDescribed("tags", "1 to 50 tags to match", `${keys.length} tags`);
      for (const key of keys) {
        if (!tagKeyPattern.test(key)) checks.fail(`tags.${key}`, "a tag key (letters or digits, then '_', '.', '-'; at most 64)", key);
        checks.string(tags[key], `tags.${key}`, { max: 256 });
      }
    }
    const port = value["port"];
    if (port !== undefined && port !== null) checks.number(port, "port", { integer: true, min: 1, max: 65535, describe: "a port number from 1 to 65535, or null" });
  }
  assertNoProblems(checks.problems, "the deployment rule");
  return value as DeployRuleInput;
}
