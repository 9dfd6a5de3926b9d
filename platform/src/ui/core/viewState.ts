/** The dashboard's views, in the order its navigation shows them. */
export const views = ["models", "metrics", "usage", "alerts"] as const;
export type ViewName = (typeof views)[number];

/** What a view shows: its name and its settings, as the URL's hash carries them. */
export interface ViewState {
  view: ViewName;
  params: Record<string, string>;
}

/**
 * Reads a view from a URL hash, `#/metrics?query=stage%3Dprod&metric=auc`; an empty or unknown
 * hash is the models view, so that any pasted URL opens something. Empty settings are dropped.
 */
export function parseViewState(hash: string): ViewState {
  const text = hash.replace(/^#\/?/, "");
  const mark = text.indexOf("?");
  const name = mark === -1 ? text : text.slice(0, mark);
  const view = (views as readonly string[]).includes(name) ? (name as ViewName) : "models";
  const params: Record<string, string> = {};
  for (const [key, value] of new URLSearchParams(mark === -1 ? "" : text.slice(mark + 1))) if (value !== "") params[key] = value;
  return { view, params };
}

/**
 * Writes a view as a URL hash; settings in key order, so that one view has one URL whatever
 * order its settings were changed in.
 */
export function formatViewState(state: ViewState): string {
  const entries = Object.entries(state.params)
    .filter(([, value]) => value !== "")
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  const query = new URLSearchParams(entries).toString();
  return `#/${state.view}${query ? `?${query}` : ""}`;
}
