import { expect, it } from "vitest";
import { tagQueryParams } from "../../../src/ui/core/tagQueryParams.ts";

it.each([
  // as envelope find takes it
  ["stage=prod,team=churn", [["tag", "stage=prod"], ["tag", "team=churn"]]],
  // spaces trimmed, empty pairs skipped
  [" stage = prod ,, ", [["tag", "stage=prod"]]],
  // the empty query matches everything
  ["", []],
  // not key=value: passed on for the registry to refuse by name
  ["prod", [["tag", "prod"]]],
])("%j", (query, params) => {
  expect(tagQueryParams(query)).toEqual(params);
});
