import { Registry } from "../client/Registry.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { CliIo } from "./CliIo.ts";
import type { FlagValues, Flags } from "./Command.ts";

/** The flags registryFromCli reads, for the commands that use it to declare. */
export const registryFromCliFlags: Flags = { url: { type: "string" }, token: { type: "string" } };

/**
 * The registry a command talks to: --url and --token, else ENVELOPE_REGISTRY_URL and
 * ENVELOPE_TOKEN, each on its own; undefined when neither gives both.
 */
export function registryConnection(values: FlagValues, io: CliIo): { url: string; token: string } | undefined {
  const url = (values["url"] as string | undefined) ?? io.env["ENVELOPE_REGISTRY_URL"];
  const token = (values["token"] as string | undefined) ?? io.env["ENVELOPE_TOKEN"];
  return url && token ? { url, token } : undefined;
}

/** The registry client of a command: --url and --token, else ENVELOPE_REGISTRY_URL and ENVELOPE_TOKEN. */
export function registryFromCli(values: FlagValues, io: CliIo): Registry {
  const connection = registryConnection(values, io);
  if (!connection) throw new EnvelopeError("ENVELOPE_CONFIG", "no registry: pass --url and --token (or set ENVELOPE_REGISTRY_URL and ENVELOPE_TOKEN)");
  return new Registry({ url: connection.url, token: connection.token });
}
