import { expect, test } from "vitest";
import { backoffDelay } from "../../src/tracking/backoffDelay.ts";

const limits = { backoffMs: 500, backoffMaxMs: 30_000 };

test.each([
  // failures in a row, random draw, delay
  [1, 0, 250], // the first retry: between half and all of backoffMs
  [1, 1, 500],
  [2, 0.5, 750], // doubled per failure: ceiling 1,000
  [4, 1, 4000],
  [7, 1, 30_000], // 500 * 2^6 = 32,000, capped at backoffMaxMs
  [50, 0, 15_000], // far past the cap: still half to all of it
])("after %i failures with random %d: %i ms", (failures, draw, expected) => {
  expect(backoffDelay(failures, limits, () => draw)).toBe(expected);
});
