import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { readJsonlEvents } from "../../tracking/readJsonlEvents.ts";
import { fetchUsageSummary } from "../../usage/fetchUsageSummary.ts";
import { formatUsageReport } from "../../usage/formatUsageReport.ts";
import { usageReport, type UsageReport } from "../../usage/usageReport.ts";
import type { CliIo } from "../CliIo.ts";
import type { FlagValues, Flags } from "../Command.ts";
import { registryConnection } from "../registryFromCli.ts";

export const usageHelp = `envelope usage: who started using the platform, what they call, what fails

Usage: envelope usage [--days N] [--function NAME] [--team TEAM] [--file EVENTS.jsonl | --url URL --token TOKEN] [--top N] [--json]

  --days N         the window: new users, calls and errors of the last N days (default 7)
  --function NAME  only calls of this client function (save, get, find...)
  --team TEAM      only this team's calls (an admin token; a team's token reads its own team)
  --file PATH      read events from a JSONL usage file instead of the registry
  --url URL        the registry (default: ENVELOPE_REGISTRY_URL); it counts in its database
  --token T        a registry token (default: ENVELOPE_TOKEN); an admin token sees every team
  --top N          how many top errors (default 5)
  --json           print the report as JSON`;

/** The flags `envelope usage` accepts. */
export const usageFlags: Flags = {
  days: { type: "string" },
  function: { type: "string" },
  team: { type: "string" },
  file: { type: "string" },
  url: { type: "string" },
  token: { type: "string" },
  top: { type: "string" },
  json: { type: "boolean" },
};

/** `envelope usage`: the usage report, summed by the registry or computed over a JSONL file. */
export async function usageCommand(values: FlagValues, io: CliIo): Promise<number> {
  const days = Number(values["days"] ?? 7);
  const top = Number(values["top"] ?? 5);
  const fn = values["function"] as string | undefined;
  const team = values["team"] as string | undefined;
  if (!Number.isInteger(days) || days < 1) throw new EnvelopeError("ENVELOPE_CONFIG", `--days ${values["days"]}: expected a whole number of days >= 1`);
  if (!Number.isInteger(top) || top < 1 || top > 100) throw new EnvelopeError("ENVELOPE_CONFIG", `--top ${values["top"]}: expected a whole number from 1 to 100`);
  const now = io.now();
  let report: UsageReport;
  if (typeof values["file"] === "string") {
    const events = readJsonlEvents(values["file"]);
    report = usageReport(events.filter((event) => (fn === undefined || event.fn === fn) && (team === undefined || event.team === team)), { days, now, top });
  } else {
    const connection = registryConnection(values, io);
    if (!connection) throw new EnvelopeError("ENVELOPE_CONFIG", "no registry: pass --url and --token (or set ENVELOPE_REGISTRY_URL and ENVELOPE_TOKEN), or --file for a JSONL usage file");
    const since = new Date(now.getTime() - days * 86_400_000).toISOString();
    report = { days, ...(await fetchUsageSummary(connection, { since, top, ...(fn === undefined ? {} : { fn }), ...(team === undefined ? {} : { team }) })) };
  }
  io.stdout(values["json"] ? `${JSON.stringify(report, null, 2)}\n` : `${formatUsageReport(report)}\n`);
  return 0;
}
