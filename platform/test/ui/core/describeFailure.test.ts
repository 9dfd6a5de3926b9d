import { expect, it } from "vitest";
import { describeFailure } from "../../../src/ui/core/describeFailure.ts";

it.each([
  // the registry did not answer
  [{ status: 0, path: "/v1/alerts" }, /did not answer \/v1\/alerts: check that it is running/],
  // a refused token: what token to paste
  [{ status: 401, path: "/v1/alerts", code: "ENVELOPE_UNAUTHORIZED", message: "unknown token" }, /^token refused: paste a token made with `envelope token create`/],
  // another team's
  [{ status: 403, path: "/v1/usage/users", message: "admins only" }, /may not read \/v1\/usage\/users \(admins only\): use a token of the team/],
  // an older registry without the route
  [{ status: 404, path: "/v1/dashboard/metrics", code: "ENVELOPE_NOT_FOUND", message: "no route GET /v1/dashboard/metrics; see GET /v1/openapi.json" }, /has no \/v1\/dashboard\/metrics: it is older than the dashboard/],
  // a bad parameter: the registry's own message
  [{ status: 400, path: "/v1/dashboard/metrics", code: "ENVELOPE_INVALID", message: "query.metric: expected a metric name" }, /^\/v1\/dashboard\/metrics answered 400 ENVELOPE_INVALID: query.metric: expected a metric name$/],
  // the problems the registry listed, each with its place
  [{ status: 400, path: "/v1/dashboard/series", code: "ENVELOPE_INVALID", message: "1 problem in the query", problems: [{ path: "query.last", expected: "a whole number from 1 to 50", got: '"500"' }] }, /^\/v1\/dashboard\/series answered 400 ENVELOPE_INVALID: 1 problem in the query; query.last: expected a whole number from 1 to 50, got "500"$/],
])("%j", (failure, said) => {
  expect(describeFailure(failure)).toMatch(said);
});
