import path from "node:path";
import { openArtifacts } from "../../artifacts/openArtifacts.ts";
import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { startRegistry } from "../../server/startRegistry.ts";
import type { CliIo } from "../CliIo.ts";
import type { FlagValues, Flags } from "../Command.ts";
import { stopSignal } from "../stopSignal.ts";

export const registryHelp = `envelope registry: run the registry

Usage: envelope registry [--port N] [--host H] [--data DIR] [--artifacts DIR|s3://BUCKET/PREFIX] [--max-body-bytes N]

  --port N            default 8080 (0: any free port)
  --host H            default 127.0.0.1
  --data DIR          the embedded store's data directory (default .envelope/data);
                      with DATABASE_URL set, PostgreSQL is used instead
  --artifacts WHERE   the artifact folder (default .envelope/artifacts), or s3://BUCKET/PREFIX
                      (AWS credentials chain; ENVELOPE_S3_ENDPOINT for an S3-compatible server)
  --max-body-bytes N  the largest request accepted (default 16 MiB)`;

/** The flags `envelope registry` accepts. */
export const registryFlags: Flags = {
  port: { type: "string" },
  host: { type: "string" },
  data: { type: "string" },
  artifacts: { type: "string" },
  "max-body-bytes": { type: "string" },
};

/** `envelope registry`: starts the registry and runs until stopped. */
export async function registryCommand(values: FlagValues, io: CliIo): Promise<number> {
  const port = Number(values["port"] ?? 8080);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new EnvelopeError("ENVELOPE_CONFIG", `--port ${values["port"]}: expected a port number from 0 to 65535`);
  const maxBodyBytes = values["max-body-bytes"] === undefined ? undefined : Number(values["max-body-bytes"]);
  if (maxBodyBytes !== undefined && !(Number.isInteger(maxBodyBytes) && maxBodyBytes > 0)) throw new EnvelopeError("ENVELOPE_CONFIG", `--max-body-bytes ${values["max-body-bytes"]}: expected a whole number of bytes`);
  const databaseUrl = io.env["DATABASE_URL"];
  const dataDir = path.resolve((values["data"] as string | undefined) ?? ".envelope/data");
  const registry = await startRegistry({
    store: databaseUrl ? { databaseUrl } : { dataDir },
    artifacts: openArtifacts((values["artifacts"] as string | undefined) ?? ".envelope/artifacts", io.env),
    host: (values["host"] as string | undefined) ?? "127.0.0.1",
    port,
    ...(maxBodyBytes === undefined ? {} : { maxBodyBytes }),
    log: (line) => io.stderr(`${line}\n`),
  });
  io.stdout(`registry listening on ${registry.url} (${registry.store.kind} store${databaseUrl ? "" : ` in ${dataDir}`})\n`);
  await (io.stopped ?? stopSignal());
  await registry.close();
  return 0;
}
