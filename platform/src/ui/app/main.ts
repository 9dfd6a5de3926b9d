import { formatViewState, parseViewState, views, type ViewName } from "../core/viewState.ts";
import { createApi } from "./createApi.ts";
import { h, withCode } from "./dom.ts";
import { alertsView } from "./views/alertsView.ts";
import { metricsView } from "./views/metricsView.ts";
import { modelsView } from "./views/modelsView.ts";
import { usageView } from "./views/usageView.ts";
import type { View } from "./views/ViewContext.ts";

// the dashboard's entry: a token box, the views' navigation, and the view the URL's hash names.
// The token lives in sessionStorage: this tab only, gone when it closes, never in the URL, so a
// shared URL carries the view and not the sharer's token.

const tokenKey = "envelope.token";
const table: Record<ViewName, View> = { models: modelsView, metrics: metricsView, usage: usageView, alerts: alertsView };
const titles: Record<ViewName, string> = { models: "Models", metrics: "Metrics", usage: "Usage", alerts: "Alerts" };

let leave = new AbortController();

function tokenBar(token: string | null): HTMLElement {
  const input = h("input", { type: "password", name: "token", placeholder: "paste a token", autocomplete: "off", size: 32 });
  const form = h("form", { class: "token", "data-token": token ? "set" : "missing" }, input, h("button", { type: "submit" }, token ? "Change token" : "Use token"));
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    if (!input.value.trim()) return;
    sessionStorage.setItem(tokenKey, input.value.trim());
    render();
  });
  const forget = h("button", { type: "button", onclick: () => (sessionStorage.removeItem(tokenKey), render()) }, "Forget token");
  return h("div", { class: "token-bar" }, form, token ? forget : null);
}

function render(): void {
  leave.abort();
  leave = new AbortController();
  const state = parseViewState(location.hash);
  const token = sessionStorage.getItem(tokenKey);
  const nav = h("nav", {}, ...views.map((view) => h("a", { href: `#/${view}`, class: view === state.view ? "current" : "", "data-view": view }, titles[view])));
  // the hash this view was drawn for: a reader (or a test) can tell a drawn view from a stale one
  const root = h("main", { "data-view": state.view, "data-hash": location.hash });
  document.title = `${titles[state.view]} · Envelope dashboard`;
  document.body.replaceChildren(h("header", {}, h("strong", {}, "Envelope dashboard"), nav, tokenBar(token)), root);
  if (!token) {
    root.append(h("h1", {}, titles[state.view]), h("p", { class: "state empty", "data-state": "no-token" }, ...withCode("paste a token to see this view: one made with `envelope token create --user <you> --team <team>` (it stays in this tab only)")));
    return;
  }
  const navigate = (params: Record<string, string>) => {
    location.hash = formatViewState({ view: state.view, params });
  };
  table[state.view](root, { api: createApi(token, leave.signal), params: state.params, navigate, signal: leave.signal });
}

addEventListener("hashchange", render);
render();
