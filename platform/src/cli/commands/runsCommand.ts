import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { formatRuns } from "../../runs/formatRuns.ts";
import { parseModelRef } from "../../serving/parseModelRef.ts";
import type { CliIo } from "../CliIo.ts";
import type { FlagValues, Flags, Operands } from "../Command.ts";
import { registryFromCli, registryFromCliFlags } from "../registryFromCli.ts";
import { whole } from "./serveCommand.ts";

export const runsHelp = `envelope runs: the batch runs of a model, newest first

Usage: envelope runs MODEL [--limit N] [--json] [--url URL --token TOKEN]

  MODEL       a name (every version's runs), name@version (that version's), or a tag query
              (name=churn,stage=prod: the runs of the name of the newest version with every tag)
  --limit N   at most N runs, the newest (default 20, at most 1000)
  --json      print the runs as JSON, as the registry records them
  --url URL   the registry (default: ENVELOPE_REGISTRY_URL)
  --token T   a registry token (default: ENVELOPE_TOKEN)

  Each \`envelope batch\` run is recorded, succeeded or failed: when it started, the version, the
  status (a failed run's error code beside it), rows in, out and skipped, how long it took, who
  ran it, the output folder, and how many rows had a value outside the training range per field.`;

/** The flags `envelope runs` accepts. */
export const runsFlags: Flags = { limit: { type: "string" }, json: { type: "boolean" }, ...registryFromCliFlags };

/** `envelope runs` takes one argument, the model. */
export const runsOperands: Operands = { count: 1, expected: "one MODEL (churn, churn@3 or name=churn,stage=prod)" };

/** `envelope runs MODEL`: the model's recorded batch runs as a table (or JSON), newest first. */
export async function runsCommand(model: string, values: FlagValues, io: CliIo): Promise<number> {
  const ref = parseModelRef(model);
  const limit = whole(values, "limit", 20, 1, 1000);
  const registry = registryFromCli(values, io);
  let name: string;
  let version: number | undefined;
  if ("tags" in ref) {
    const [newest] = await registry.find(ref.tags, { limit: 1 });
    if (!newest) throw new EnvelopeError("ENVELOPE_NOT_FOUND", `no model version has the tags ${model}; expected at least one (see \`registry.find\`)`);
    name = newest.name;
  } else {
    name = ref.name;
    if (ref.version !== "latest") version = ref.version;
  }
  const { runs } = await registry.listRuns(name, { limit, ...(version === undefined ? {} : { version }) });
  if (values["json"]) io.stdout(`${JSON.stringify(runs, null, 2)}\n`);
  else if (runs.length === 0) io.stdout(`no runs of ${name}${version === undefined ? "" : `@${version}`} recorded yet\n`);
  else io.stdout(`${formatRuns(runs)}\n`);
  return 0;
}
