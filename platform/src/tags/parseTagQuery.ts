import { assertNoProblems } from "../errors/EnvelopeError.ts";
import { Checks } from "../envelope/Checks.ts";
import type { FindQuery } from "../store/Store.ts";
import { tagKeyPattern } from "./validateTags.ts";

export const defaultFindLimit = 50;
export const maxFindLimit = 500;

/**
 * Reads a find query from URL parameters: `tag=key=value` (repeatable; every tag must match),
 * `latest=true` (only each name's last version), `limit` (1-500, default 50). Every problem is
 * listed in one 422.
 */
export function parseTagQuery(query: URLSearchParams): FindQuery {
  const checks = new Checks();
  // a Map: a key such as `constructor` or `toString` is a tag, not a member of Object.prototype
  const tags = new Map<string, string>();
  query.getAll("tag").forEach((pair, index) => {
    const at = `query.tag[${index}]`;
    const equals = pair.indexOf("=");
    if (equals <= 0) return checks.fail(at, "key=value", pair);
    const key = pair.slice(0, equals);
    const value = pair.slice(equals + 1);
    if (!tagKeyPattern.test(key)) return checks.fail(at, "a tag key (letters or digits, then '_', '.', '-'; at most 64)", key);
    if (tags.has(key) && tags.get(key) !== value) return checks.fail(at, `one value for ${key} (a version has one value per key)`, pair);
    tags.set(key, value);
    return true;
  });
  const latestText = query.get("latest");
  let latest = false;
  if (latestText !== null) {
    if (["true", "1", ""].includes(latestText)) latest = true;
    else if (!["false", "0"].includes(latestText)) checks.fail("query.latest", "true or false", latestText);
  }
  let limit = defaultFindLimit;
  const limitText = query.get("limit");
  if (limitText !== null) {
    limit = Number(limitText);
    if (!/^\d+$/.test(limitText)) checks.fail("query.limit", `a whole number from 1 to ${maxFindLimit}`, limitText);
    else checks.number(limit, "query.limit", { integer: true, min: 1, max: maxFindLimit, describe: `a whole number from 1 to ${maxFindLimit}` });
  }
  for (const key of query.keys()) if (!["tag", "latest", "limit"].includes(key)) checks.fail(`query.${key}`, "no such parameter (known: tag, latest, limit)");
  assertNoProblems(checks.problems, "the query");
  return { tags: Object.fromEntries(tags), latest, limit };
}
