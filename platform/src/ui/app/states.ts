import { describeFailure } from "../core/describeFailure.ts";
import { ApiFailure } from "./createApi.ts";
import { h, withCode } from "./dom.ts";

/** A placeholder while `what` loads; tests and readers find it by `data-state="loading"`. */
export function loadingState(what: string): HTMLElement {
  return h("p", { class: "state loading", "data-state": "loading", role: "status" }, `loading ${what}…`);
}

/** What a view shows when there is nothing to show, with what to change. */
export function emptyState(text: string): HTMLElement {
  return h("p", { class: "state empty", "data-state": "empty" }, ...withCode(text));
}

/** A failed load, said as what happened and what to do (see `describeFailure`). */
export function errorState(error: unknown): HTMLElement {
  const text = error instanceof ApiFailure ? describeFailure(error.failure) : `the page failed: ${(error as Error)?.message ?? String(error)}; reload, and report it if it stays`;
  return h("p", { class: "state error", "data-state": "error", role: "alert" }, ...withCode(text));
}

/**
 * Fills `slot` with a loading state, then with what `load` makes, or with its error. A load
 * whose view was left meanwhile (`signal` aborted) changes nothing.
 */
export async function fill(slot: HTMLElement, what: string, signal: AbortSignal, load: () => Promise<Node>): Promise<void> {
  slot.replaceChildren(loadingState(what));
  try {
    const node = await load();
    if (!signal.aborted) slot.replaceChildren(node);
  } catch (error) {
    if (!signal.aborted) slot.replaceChildren(errorState(error));
  }
}
