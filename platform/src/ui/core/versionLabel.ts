import type { VersionRow } from "./dashboardTypes.ts";

/** `churn@3`: how the dashboard names a version in hovers, legends and CSV. */
export function versionLabel(row: Pick<VersionRow, "name" | "version">): string {
  return `${row.name}@${row.version}`;
}

/**
 * A version's hover text: its label, `extra` lines, then its tags one `key=value` a line, keys
 * sorted; `name` (in the label already) and empty tags (a base tag such as an empty
 * `description`) left out.
 */
export function versionHover(row: VersionRow, extra: string[] = []): string {
  const tags = Object.keys(row.tags)
    .filter((key) => key !== "name" && row.tags[key] !== "")
    .sort()
    .map((key) => `${key}=${row.tags[key]}`);
  return [versionLabel(row), ...extra, ...tags].join("\n");
}

/** The value of tag `key` on a version, or `(no key)` so that untagged versions form a group. */
export function tagGroup(row: VersionRow, key: string): string {
  return row.tags[key] ?? `(no ${key})`;
}
