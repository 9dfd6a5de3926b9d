import { Registry } from "../../client/Registry.ts";
import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { readJsonlEvents } from "../../tracking/readJsonlEvents.ts";
import { formatUsageReport } from "../../usage/formatUsageReport.ts";
import { usageReport } from "../../usage/usageReport.ts";
import type { CliIo } from "../CliIo.ts";
import type { FlagValues, Flags } from "../Command.ts";

export const usageHelp = `envelope usage: who started using the platform, what they call, what fails

Usage: envelope usage [--days N] [--file EVENTS.jsonl | --url URL --token TOKEN] [--top N] [--json]

  --days N      the window: new users, calls and errors of the last N days (default 7)
  --file PATH   read events from a JSONL usage file instead of the registry
  --url URL     the registry (default: ENVELOPE_REGISTRY_URL)
  --token T     a registry token (default: ENVELOPE_TOKEN); an admin token sees every team
  --top N       how many top errors (default 5)
  --json        print the report as JSON`;

/** The flags `envelope usage` accepts. */
export const usageFlags: Flags = {
  days: { type: "string" },
  file: { type: "string" },
  url: { type: "string" },
  token: { type: "string" },
  top: { type: "string" },
  json: { type: "boolean" },
};

/** `envelope usage`: reads events (registry or file), prints the usage report. */
export async function usageCommand(values: FlagValues, io: CliIo): Promise<number> {
  const days = Number(values["days"] ?? 7);
  const top = Number(values["top"] ?? 5);
  if (!Number.isInteger(days) || days < 1) throw new EnvelopeError("ENVELOPE_CONFIG", `--days ${values["days"]}: expected a whole number of days >= 1`);
  if (!Number.isInteger(top) || top < 1) throw new EnvelopeError("ENVELOPE_CONFIG", `--top ${values["top"]}: expected a whole number >= 1`);
  let events;
  if (typeof values["file"] === "string") {
    events = readJsonlEvents(values["file"]);
  } else {
    const url = (values["url"] as string | undefined) ?? io.env["ENVELOPE_REGISTRY_URL"];
    const token = (values["token"] as string | undefined) ?? io.env["ENVELOPE_TOKEN"];
    if (!url || !token) throw new EnvelopeError("ENVELOPE_CONFIG", "no registry: pass --url and --token (or set ENVELOPE_REGISTRY_URL and ENVELOPE_TOKEN), or --file for a JSONL usage file");
    // the report's own reads are not usage worth reporting
    events = await new Registry({ url, token, tracking: { sink: "none" } }).usageEvents();
  }
  const report = usageReport(events, { days, now: io.now(), top });
  io.stdout(values["json"] ? `${JSON.stringify(report, null, 2)}\n` : `${formatUsageReport(report)}\n`);
  return 0;
}
