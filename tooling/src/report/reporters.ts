import type { CheckReport } from "../records/CheckReport.ts";
import { reportGithub } from "./reportGithub.ts";
import { reportJson } from "./reportJson.ts";
import { reportJunit } from "./reportJunit.ts";
import { reportPretty } from "./reportPretty.ts";

export type ReporterName = "pretty" | "json" | "github" | "junit";

/** The reporters `--reporter` accepts, by name: each prints a check's report (paths relative to `root`). */
export const reporters: Record<ReporterName, (report: CheckReport, root: string) => string> = {
  pretty: (report: CheckReport, root: string) => reportPretty(report, { root }),
  json: (report: CheckReport) => reportJson(report),
  github: (report: CheckReport) => reportGithub(report),
  junit: (report: CheckReport) => reportJunit(report),
};
