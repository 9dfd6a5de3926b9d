import { h } from "../dom.ts";

/** Tags as small `key=value` chips, base tags (name, owner, team, description) left out. */
export function tagChips(tags: Record<string, string>): HTMLElement {
  const own = Object.keys(tags).filter((key) => !["name", "owner", "team", "description"].includes(key));
  return h("span", { class: "tags" }, ...own.sort().map((key) => h("span", { class: "tag" }, `${key}=${tags[key]}`)));
}
