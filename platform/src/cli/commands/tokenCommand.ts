import path from "node:path";
import { issueToken } from "../../auth/issueToken.ts";
import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { openStore } from "../../store/openStore.ts";
import type { CliIo } from "../CliIo.ts";

export const tokenHelp = `envelope token create: issue a bearer token for a user of a team

Usage: envelope token create --user NAME --team TEAM [--admin] [--data DIR]

  The token is printed once; the store keeps only its sha256. Uses DATABASE_URL when set,
  else the embedded store in --data (default .envelope/data; stop the registry first).`;

/** `envelope token create`: issues a token and prints it. */
export async function tokenCommand(positionals: string[], values: Record<string, string | boolean | undefined>, io: CliIo): Promise<number> {
  if (positionals[0] !== "create") throw new EnvelopeError("ENVELOPE_CONFIG", `envelope token ${positionals[0] ?? ""}: expected \`envelope token create\``);
  const user = values["user"];
  const team = values["team"];
  if (typeof user !== "string" || typeof team !== "string") throw new EnvelopeError("ENVELOPE_CONFIG", "envelope token create: expected --user NAME and --team TEAM");
  const databaseUrl = io.env["DATABASE_URL"];
  const store = await openStore(databaseUrl ? { databaseUrl, index: false } : { dataDir: path.resolve((values["data"] as string | undefined) ?? ".envelope/data"), index: false });
  try {
    io.stdout(`${await issueToken(store, { user, team, admin: values["admin"] === true })}\n`);
  } finally {
    await store.close();
  }
  return 0;
}
