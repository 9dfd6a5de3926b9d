import { expect, it } from "vitest";
import { tagGroup, versionHover, versionLabel } from "../../../src/ui/core/versionLabel.ts";

const row = { name: "churn", version: 3, createdAt: "2026-11-30T00:00:00Z", tags: { stage: "prod", name: "churn", region: "eu", description: "" } };

it("names a version name@version and lists its tags, sorted, under it, without its name and empty ones", () => {
  expect(versionLabel(row)).toBe("churn@3");
  expect(versionHover(row, ["auc = 0.9"])).toBe("churn@3\nauc = 0.9\nregion=eu\nstage=prod");
});

it("groups versions without the tag together", () => {
  expect(tagGroup(row, "stage")).toBe("prod");
  expect(tagGroup(row, "team")).toBe("(no team)");
});
