/**
 * A tag query as the dashboard's box takes it, `stage=prod,team=churn` (as `envelope find`
 * does), turned into `GET /v1/models`'s repeated `tag=key=value` parameters. Spaces around keys
 * and values are trimmed; empty pairs are skipped; the registry checks the rest and says what is
 * wrong.
 */
export function tagQueryParams(query: string): Array<[string, string]> {
  return query
    .split(",")
    .map((pair) => pair.trim())
    .filter((pair) => pair !== "")
    .map((pair) => {
      const equals = pair.indexOf("=");
      return ["tag", equals === -1 ? pair : `${pair.slice(0, equals).trim()}=${pair.slice(equals + 1).trim()}`];
    });
}
