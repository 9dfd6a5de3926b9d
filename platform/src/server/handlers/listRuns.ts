import { assertNoProblems } from "../../errors/EnvelopeError.ts";
import { Checks } from "../../envelope/Checks.ts";
import { validateName } from "../../envelope/validateName.ts";
import { decodeRunCursor } from "../../store/runQueries.ts";
import type { Route } from "../Route.ts";
import { batchRunSchema } from "../runSchemas.ts";

/** The page size when `limit` is not given, and the largest one may ask for. */
export const runPage = { default: 50, max: 1000 };

/**
 * `GET /v1/models/{name}/runs?version=&limit=&cursor=`: a model's batch runs (one version's with
 * `version`), newest first, a page at a time; `next` is the cursor of the following page (null on
 * the last), to pass as `cursor`. Anyone who may read the model may read its runs.
 */
export const listRuns: Route = {
  method: "GET",
  path: "/v1/models/{name}/runs",
  operationId: "listRuns",
  summary: "A model's batch runs, newest first, a page at a time",
  auth: true,
  query: [
    { name: "version", description: "only this version's runs", schema: { type: "integer", minimum: 1 } },
    { name: "limit", description: `runs per page, 1 to ${runPage.max}; default ${runPage.default}`, schema: { type: "integer", minimum: 1, maximum: runPage.max } },
    { name: "cursor", description: "the `next` of the page before", schema: { type: "string" } },
  ],
  success: {
    status: 200,
    description: "a page of runs, newest first, and the cursor of the next page",
    schema: { type: "object", properties: { runs: { type: "array", items: batchRunSchema }, next: { type: ["string", "null"] } } },
  },
  async handle({ params, query, services }) {
    const checks = new Checks();
    const name = params["name"];
    validateName(checks, name, "path.name");
    const versionText = query.get("version");
    if (versionText !== null && !/^[1-9]\d{0,8}$/.test(versionText)) checks.fail("query.version", "a version number (1, 2, ...)", versionText);
    const limitText = query.get("limit");
    const limit = limitText === null ? runPage.default : /^\d{1,6}$/.test(limitText) ? Number(limitText) : 0;
    if (limit < 1 || limit > runPage.max) checks.fail("query.limit", `a whole number from 1 to ${runPage.max}`, limitText);
    const cursor = query.get("cursor") ?? undefined;
    if (cursor !== undefined && decodeRunCursor(cursor) === undefined) checks.fail("query.cursor", "the `next` of an earlier page", cursor);
    assertNoProblems(checks.problems, "the query");
    const page = await services.store.listRuns({ name: name!, limit, ...(versionText === null ? {} : { version: Number(versionText) }), ...(cursor === undefined ? {} : { cursor }) });
    return { status: 200, json: page };
  },
};
