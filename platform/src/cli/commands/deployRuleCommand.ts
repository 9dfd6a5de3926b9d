import { Checks } from "../../envelope/Checks.ts";
import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { formatProblem } from "../../errors/Problem.ts";
import { parseTagList } from "../../tags/parseTagList.ts";
import type { CliIo } from "../CliIo.ts";
import type { FlagValues, Flags } from "../Command.ts";
import { registryFromCli, registryFromCliFlags } from "../registryFromCli.ts";

export const deployRuleHelp = `envelope deploy-rule: which service runs which model

Usage: envelope deploy-rule add --service NAME --tags k=v[,k=v...] [--port N]
       envelope deploy-rule list

  add     store a rule in the registry: the service runs the newest model version with every
          tag (base tags included: name=churn,stage=prod); replaces your team's rule for it
  list    the rules and the model version each service runs
  --port  the port the service listens on (default: any free port)
  --url URL, --token T  the registry (default: ENVELOPE_REGISTRY_URL, ENVELOPE_TOKEN)

  \`envelope reconcile\` then starts or restarts the services whose rule matches a newer model.`;

/** The flags of each `envelope deploy-rule` subcommand. */
export const deployRuleFlags: Readonly<Record<string, Flags>> = {
  add: { service: { type: "string" }, tags: { type: "string" }, port: { type: "string" }, ...registryFromCliFlags },
  list: registryFromCliFlags,
};

/** `envelope deploy-rule add|list`; `subcommand` is one of deployRuleFlags' keys. */
export async function deployRuleCommand(subcommand: string, values: FlagValues, io: CliIo): Promise<number> {
  if (subcommand === "list") {
    const rules = await registryFromCli(values, io).deployRules();
    if (rules.length === 0) io.stdout("no deployment rules\n");
    for (const rule of rules) {
      const tags = Object.entries(rule.tags).map(([key, value]) => `${key}=${value}`).join(",");
      io.stdout(`${rule.service}  ${tags}  ${rule.running ? `runs ${rule.running.name}@${rule.running.version} since ${rule.running.deployedAt}` : "runs nothing yet"}\n`);
    }
    return 0;
  }
  const checks = new Checks();
  const service = values["service"];
  const tagText = values["tags"];
  if (typeof service !== "string") checks.fail("--service", "a service name");
  const tags = typeof tagText === "string" ? parseTagList(checks, tagText, "--tags") : (checks.fail("--tags", "k=v[,k=v...]"), {});
  const port = values["port"] === undefined ? null : Number(values["port"]);
  if (port !== null) checks.number(port, "--port", { integer: true, min: 1, max: 65535, describe: "a port number from 1 to 65535" });
  if (checks.problems.length > 0) throw new EnvelopeError("ENVELOPE_CONFIG", checks.problems.map(formatProblem).join("; "));
  const rule = await registryFromCli(values, io).addDeployRule({ service: service as string, tags, port });
  io.stdout(`rule for ${rule.service}: the newest model with ${Object.entries(rule.tags).map(([key, value]) => `${key}=${value}`).join(",")}${rule.port === null ? "" : ` on port ${rule.port}`}\n`);
  return 0;
}
