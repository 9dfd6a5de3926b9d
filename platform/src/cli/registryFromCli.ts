import { Registry } from "../client/Registry.ts";
import { EnvelopeError } from "../errors/EnvelopeError.ts";
import type { CliIo } from "./CliIo.ts";

/** The registry client of a command: --url and --token, else ENVELOPE_REGISTRY_URL and ENVELOPE_TOKEN. */
export function registryFromCli(values: Record<string, string | boolean | undefined>, io: CliIo): Registry {
  const url = (values["url"] as string | undefined) ?? io.env["ENVELOPE_REGISTRY_URL"];
  const token = (values["token"] as string | undefined) ?? io.env["ENVELOPE_TOKEN"];
  if (!url || !token) throw new EnvelopeError("ENVELOPE_CONFIG", "no registry: pass --url and --token (or set ENVELOPE_REGISTRY_URL and ENVELOPE_TOKEN)");
  return new Registry({ url, token });
}
