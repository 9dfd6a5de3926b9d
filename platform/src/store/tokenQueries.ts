import type { Database } from "./Database.ts";
import type { Principal, TokenInfo, TokenRef } from "./Store.ts";

interface TokenRow {
  id: number;
  user_name: string;
  team: string;
  admin: boolean;
  created_at: Date | string;
  last_used_at: Date | string | null;
}

const tokenColumns = "id, user_name, team, admin, created_at, last_used_at";

function toInfo(row: TokenRow): TokenInfo {
  return { id: row.id, user: row.user_name, team: row.team, admin: row.admin, createdAt: new Date(row.created_at).toISOString(), lastUsedAt: row.last_used_at === null ? null : new Date(row.last_used_at).toISOString() };
}

/** The store's tokens, kept by the sha256 of each, on the same SQL for PGlite and PostgreSQL. */
export function tokenQueries(db: Database) {
  return {
    async saveToken(hash: string, principal: Principal): Promise<TokenInfo> {
      const [row] = await db.query<TokenRow>(
        `INSERT INTO envelope_tokens (hash, user_name, team, admin) VALUES ($1, $2, $3, $4)
         ON CONFLICT (hash) DO UPDATE SET user_name = EXCLUDED.user_name, team = EXCLUDED.team, admin = EXCLUDED.admin
         RETURNING ${tokenColumns}`,
        [hash, principal.user, principal.team, principal.admin],
      );
      return toInfo(row!);
    },

    async principalOf(hash: string, usedAt?: string): Promise<Principal | undefined> {
      // a busy token writes its row once a minute, not once per request
      if (usedAt !== undefined) {
        await db.query("UPDATE envelope_tokens SET last_used_at = $2 WHERE hash = $1 AND (last_used_at IS NULL OR last_used_at <= $2::timestamptz - interval '1 minute')", [hash, usedAt]);
      }
      const [row] = await db.query<TokenRow>(`SELECT ${tokenColumns} FROM envelope_tokens WHERE hash = $1`, [hash]);
      return row ? { user: row.user_name, team: row.team, admin: row.admin } : undefined;
    },

    async listTokens(): Promise<TokenInfo[]> {
      return (await db.query<TokenRow>(`SELECT ${tokenColumns} FROM envelope_tokens ORDER BY id`)).map(toInfo);
    },

    async revokeToken(ref: TokenRef): Promise<TokenInfo | undefined> {
      const [column, value] = "id" in ref ? ["id", ref.id] : ["hash", ref.hash];
      const [row] = await db.query<TokenRow>(`DELETE FROM envelope_tokens WHERE ${column} = $1 RETURNING ${tokenColumns}`, [value]);
      return row && toInfo(row);
    },
  };
}
