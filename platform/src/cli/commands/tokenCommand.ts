import path from "node:path";
import { issueToken } from "../../auth/issueToken.ts";
import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { openStore } from "../../store/openStore.ts";
import type { CliIo } from "../CliIo.ts";
import type { FlagValues, Flags } from "../Command.ts";

export const tokenHelp = `envelope token create: issue a bearer token for a user of a team

Usage: envelope token create --user NAME --team TEAM [--admin] [--data DIR]

  The token is printed once; the store keeps only its sha256. Uses DATABASE_URL when set,
  else the embedded store in --data (default .envelope/data; stop the registry first).`;

/** The flags of each `envelope token` subcommand. */
export const tokenFlags: Readonly<Record<string, Flags>> = {
  create: {
    user: { type: "string" },
    team: { type: "string" },
    admin: { type: "boolean" },
    data: { type: "string" },
  },
};

/** `envelope token create` (its only subcommand): issues a token and prints it. */
export async function tokenCommand(values: FlagValues, io: CliIo): Promise<number> {
  const user = values["user"];
  const team = values["team"];
  if (typeof user !== "string" || typeof team !== "string") throw new EnvelopeError("ENVELOPE_CONFIG", "expected --user NAME and --team TEAM");
  const databaseUrl = io.env["DATABASE_URL"];
  const store = await openStore(databaseUrl ? { databaseUrl, index: false } : { dataDir: path.resolve((values["data"] as string | undefined) ?? ".envelope/data"), index: false });
  try {
    io.stdout(`${await issueToken(store, { user, team, admin: values["admin"] === true })}\n`);
  } finally {
    await store.close();
  }
  return 0;
}
