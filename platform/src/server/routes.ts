import { platformVersion } from "../version.ts";
import { buildOpenApi } from "./buildOpenApi.ts";
import { createToken } from "./handlers/createToken.ts";
import { downloadArtifact } from "./handlers/downloadArtifact.ts";
import { findModels } from "./handlers/findModels.ts";
import { getModel } from "./handlers/getModel.ts";
import { health } from "./handlers/health.ts";
import { listDeployRules } from "./handlers/listDeployRules.ts";
import { listRuns } from "./handlers/listRuns.ts";
import { listTokens } from "./handlers/listTokens.ts";
import { logMetrics } from "./handlers/logMetrics.ts";
import { readEvents } from "./handlers/readEvents.ts";
import { readMetrics } from "./handlers/readMetrics.ts";
import { recordDeployment } from "./handlers/recordDeployment.ts";
import { recordEvents } from "./handlers/recordEvents.ts";
import { recordRun } from "./handlers/recordRun.ts";
import { revokeToken } from "./handlers/revokeToken.ts";
import { saveDeployRule } from "./handlers/saveDeployRule.ts";
import { saveModel } from "./handlers/saveModel.ts";
import { tagModel } from "./handlers/tagModel.ts";
import { usageSummary } from "./handlers/usageSummary.ts";
import { whoami } from "./handlers/whoami.ts";
import { dashboardMetricNames } from "./handlers/dashboardMetricNames.ts";
import { dashboardMetrics } from "./handlers/dashboardMetrics.ts";
import { dashboardSeries } from "./handlers/dashboardSeries.ts";
import { usageNewUsers } from "./handlers/usageNewUsers.ts";
import { usageFunctions } from "./handlers/usageFunctions.ts";
import { usageErrors } from "./handlers/usageErrors.ts";
import { usageUsers } from "./handlers/usageUsers.ts";
import { usageUser } from "./handlers/usageUser.ts";
import { recordAlerts } from "./handlers/recordAlerts.ts";
import { readAlerts } from "./handlers/readAlerts.ts";
import type { Route } from "./Route.ts";

const apiRoutes: Route[] = [health, whoami, saveModel, findModels, getModel, tagModel, logMetrics, readMetrics, downloadArtifact, recordEvents, readEvents, usageSummary, createToken, listTokens, revokeToken, saveDeployRule, listDeployRules, recordDeployment, recordRun, listRuns, dashboardMetricNames, dashboardMetrics, dashboardSeries, usageNewUsers, usageFunctions, usageErrors, usageUsers, usageUser, recordAlerts, readAlerts];

let document: Record<string, unknown> | undefined;

const openApi: Route = {
  method: "GET",
  path: "/v1/openapi.json",
  operationId: "openApi",
  summary: "This API's OpenAPI document",
  auth: false,
  success: { status: 200, description: "the OpenAPI 3.1 document", schema: { type: "object" } },
  async handle() {
    document ??= buildOpenApi(routes, platformVersion);
    return { status: 200, json: document };
  },
};

/** Every route of the registry, in matching order. */
export const routes: readonly Route[] = [...apiRoutes, openApi];
