import type { Api } from "../createApi.ts";

/** What a view gets: the API with the session's token, its URL settings and a way to change them. */
export interface ViewContext {
  api: Api;
  params: Record<string, string>;
  /** shows this view with new settings (a new URL, so the back button and a pasted URL work) */
  navigate(params: Record<string, string>): void;
  /** aborted when the view is left; loads check it before drawing */
  signal: AbortSignal;
}

/** A view of the dashboard: draws into `root` from the URL's settings. */
export type View = (root: HTMLElement, context: ViewContext) => void;
