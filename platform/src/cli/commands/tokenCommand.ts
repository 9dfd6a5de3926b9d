import path from "node:path";
import { httpTokenAdmin } from "../../auth/httpTokenAdmin.ts";
import { tokenRef } from "../../auth/revokeToken.ts";
import { storeTokenAdmin } from "../../auth/storeTokenAdmin.ts";
import type { TokenAdmin } from "../../auth/TokenAdmin.ts";
import { EnvelopeError } from "../../errors/EnvelopeError.ts";
import { openStore } from "../../store/openStore.ts";
import type { TokenInfo } from "../../store/Store.ts";
import type { CliIo } from "../CliIo.ts";
import type { FlagValues, Flags, Operands } from "../Command.ts";
import { registryConnection, registryFromCliFlags } from "../registryFromCli.ts";

export const tokenHelp = `envelope token: issue, list and revoke bearer tokens

Usage: envelope token create --user NAME --team TEAM [--admin]   prints the token, once
       envelope token list [--json]                              id, user, team, admin, created, last used
       envelope token revoke TOKEN_OR_ID                         the token itself (env_...) or its id

  Where the tokens are:
  --url URL, --token T  through a running registry, with an admin token (default:
                        ENVELOPE_REGISTRY_URL and ENVELOPE_TOKEN when both are set); the way
                        while a registry runs on the embedded store, which it locks
  --data DIR            in the store directly, with no registry running: DATABASE_URL when set,
                        else the embedded store in DIR (the default when no registry is given,
                        .envelope/data). The first token of an empty store is an admin's.

  The store keeps only each token's sha256. A revoked token is refused from the registry's next
  request (by other registries on the same PostgreSQL within a second).`;

const where: Flags = { ...registryFromCliFlags, data: { type: "string" } };

/** The flags of each `envelope token` subcommand. */
export const tokenFlags: Readonly<Record<string, Flags>> = {
  create: { user: { type: "string" }, team: { type: "string" }, admin: { type: "boolean" }, ...where },
  list: { json: { type: "boolean" }, ...where },
  revoke: where,
};

/** What each subcommand takes after its name: revoke, the token or its id. */
export const tokenOperands: Readonly<Record<string, Operands>> = {
  revoke: { count: 1, expected: "one TOKEN_OR_ID (a token, env_..., or its id from `envelope token list`)" },
};

/** Through the registry when one is given (flags first, then the environment), else the store itself. */
async function tokenAdmin(values: FlagValues, io: CliIo): Promise<TokenAdmin> {
  const connection = registryConnection(values, io);
  if (values["url"] !== undefined || values["token"] !== undefined) {
    if (!connection) throw new EnvelopeError("ENVELOPE_CONFIG", "expected both --url and --token (or ENVELOPE_REGISTRY_URL and ENVELOPE_TOKEN for the one not given)");
    if (values["data"] !== undefined) throw new EnvelopeError("ENVELOPE_CONFIG", "--data and --url/--token: expected one place for the tokens, the store or a registry");
  }
  if (connection && values["data"] === undefined) return httpTokenAdmin(connection);
  const databaseUrl = io.env["DATABASE_URL"];
  const store = await openStore(databaseUrl ? { databaseUrl, index: false } : { dataDir: path.resolve((values["data"] as string | undefined) ?? ".envelope/data"), index: false });
  return storeTokenAdmin(store, () => io.stderr("the first token of this store is an admin token: it can issue and revoke the others through the registry\n"));
}

function table(tokens: TokenInfo[]): string {
  const rows = [["id", "user", "team", "admin", "created", "last used"], ...tokens.map((token) => [String(token.id), token.user, token.team, token.admin ? "admin" : "-", token.createdAt, token.lastUsedAt ?? "never"])];
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join("  ").trimEnd()).join("\n");
}

/** `envelope token create|list|revoke`; `subcommand` is one of tokenFlags' keys, `operands` what it took. */
export async function tokenCommand(subcommand: string, operands: string[], values: FlagValues, io: CliIo): Promise<number> {
  const user = values["user"];
  const team = values["team"];
  if (subcommand === "create" && (typeof user !== "string" || typeof team !== "string")) throw new EnvelopeError("ENVELOPE_CONFIG", "expected --user NAME and --team TEAM");
  // a TOKEN_OR_ID that is neither is refused before a store is opened
  if (subcommand === "revoke") tokenRef(operands[0]!);
  const admin = await tokenAdmin(values, io);
  try {
    if (subcommand === "create") {
      io.stdout(`${(await admin.create({ user: user as string, team: team as string, admin: values["admin"] === true })).token}\n`);
    } else if (subcommand === "list") {
      const tokens = await admin.list();
      io.stdout(values["json"] ? `${JSON.stringify(tokens, null, 2)}\n` : `${table(tokens)}\n`);
    } else {
      const revoked = await admin.revoke(operands[0]!);
      io.stdout(`revoked token ${revoked.id} of ${revoked.user} (team ${revoked.team})\n`);
    }
  } finally {
    await admin.close();
  }
  return 0;
}
