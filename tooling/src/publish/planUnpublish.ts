import { keepMatcher } from "./keepMatcher.ts";
import type { Plan } from "./Plan.ts";
import type { RemoteObject } from "./RemoteObject.ts";

/**
 * Decides what an unpublish deletes: every listed object under `prefix`, sorted by key, except
 * those in folders `options.keep` names. Pure. An object whose key does not start with `prefix`
 * is never in the plan, whatever the listing returned. The plan has no uploads, so
 * `executePlan` runs it as deletes only, with its own prefix guard.
 */
export function planUnpublish(remoteObjects: readonly RemoteObject[], prefix: string, options: { keep?: readonly string[] | undefined } = {}): Plan {
  const kept = keepMatcher(options.keep ?? []);
  const deletes = remoteObjects
    .filter((object) => object.key.startsWith(prefix) && !kept(object.key.slice(prefix.length)))
    .map((object) => ({ key: object.key, size: object.size }))
    .sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { prefix, uploads: [], unchanged: [], deletes };
}
