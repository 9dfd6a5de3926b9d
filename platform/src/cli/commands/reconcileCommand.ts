import path from "node:path";
import { formatReconcileReport } from "../../deploy/formatReconcileReport.ts";
import { processRunner } from "../../deploy/processRunner.ts";
import { reconcile } from "../../deploy/reconcile.ts";
import type { ServiceRunner } from "../../deploy/ServiceRunner.ts";
import type { CliIo } from "../CliIo.ts";
import type { FlagValues, Flags } from "../Command.ts";
import { registryFromCli, registryFromCliFlags } from "../registryFromCli.ts";

export const reconcileHelp = `envelope reconcile: start or restart the services whose rule matches a newer model

Usage: envelope reconcile [--service NAME] [--dir DIR] [--json]

  For each deployment rule, finds the newest model version with the rule's tags; a service
  running another version (or nothing) is (re)started as an \`envelope serve\` process, and the
  registry records what it runs. A service already on its match whose process is gone or whose
  GET /healthz does not answer 200 within 5 s is restarted too, with the reason. Prints one line
  per service: started, restarted, unchanged, no match or FAILED. Run it from cron; a second run
  changes nothing.

  --service NAME  only this service's rule (default: every rule)
  --dir DIR       the services' pid files and logs (default .envelope/services)
  --json          print the changes as JSON
  --url URL, --token T  the registry (default: ENVELOPE_REGISTRY_URL, ENVELOPE_TOKEN)`;

/** The flags `envelope reconcile` accepts. */
export const reconcileFlags: Flags = {
  service: { type: "string" },
  dir: { type: "string" },
  json: { type: "boolean" },
  ...registryFromCliFlags,
};

/** `envelope reconcile`; `runner` is for tests (default: `envelope serve` processes). Exit code 1 when a deploy failed. */
export async function reconcileCommand(values: FlagValues, io: CliIo, runner?: ServiceRunner): Promise<number> {
  const registry = registryFromCli(values, io);
  const dir = path.resolve((values["dir"] as string | undefined) ?? ".envelope/services");
  const service = values["service"];
  const changes = await reconcile({ registry, runner: runner ?? processRunner({ dir, env: io.env }), ...(typeof service === "string" ? { services: [service] } : {}) });
  io.stdout(values["json"] ? `${JSON.stringify(changes, null, 2)}\n` : `${formatReconcileReport(changes)}\n`);
  return changes.some((change) => change.action === "failed") ? 1 : 0;
}
