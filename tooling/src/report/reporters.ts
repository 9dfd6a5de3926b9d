import type { CheckReport } from "../checkProject.ts";
import { reportGithub } from "./reportGithub.ts";
import { reportJson } from "./reportJson.ts";
import { reportJunit } from "./reportJunit.ts";
import { reportPretty } from "./reportPretty.ts";

/** The reporters `--reporter` accepts, by name. */
export const reporters = {
  pretty: (report: CheckReport, root: string) => reportPretty(report, { root }),
  json: (report: CheckReport) => reportJson(report),
  github: (report: CheckReport) => reportGithub(report),
  junit: (report: CheckReport) => reportJunit(report),
} satisfies Record<string, (report: CheckReport, root: string) => string>;

export type ReporterName = keyof typeof reporters;
