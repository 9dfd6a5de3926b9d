import { describe, expect, it } from "vitest";
import { formatViewState, parseViewState } from "../../../src/ui/core/viewState.ts";

describe("parseViewState", () => {
  it.each([
    // an empty hash opens the models view
    ["", { view: "models", params: {} }],
    // a view and its settings, percent-decoded
    ["#/metrics?query=stage%3Dprod&metric=auc", { view: "metrics", params: { query: "stage=prod", metric: "auc" } }],
    // an unknown view is the models view, its settings kept
    ["#/nonsense?query=a%3Db", { view: "models", params: { query: "a=b" } }],
    // empty settings are dropped
    ["#/usage?team=&days=7", { view: "usage", params: { days: "7" } }],
    // no leading slash
    ["#alerts", { view: "alerts", params: {} }],
  ])("reads %j", (hash, state) => {
    expect(parseViewState(hash)).toEqual(state);
  });
});

describe("formatViewState", () => {
  it("writes settings in key order, without empty ones, so that one view has one URL", () => {
    expect(formatViewState({ view: "metrics", params: { y: "loss", query: "stage=prod,team=churn", color: "", metric: "auc" } })).toBe("#/metrics?metric=auc&query=stage%3Dprod%2Cteam%3Dchurn&y=loss");
    expect(formatViewState({ view: "alerts", params: {} })).toBe("#/alerts");
  });

  it("is read back as the same view", () => {
    const state = { view: "usage" as const, params: { user: "ada lovelace", days: "90", team: "a&b" } };
    expect(parseViewState(formatViewState(state))).toEqual(state);
  });
});
